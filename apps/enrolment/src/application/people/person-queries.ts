import { Injectable } from '@nestjs/common';
import { PersonRole } from '@cmp/contracts';
import { UnitOfWork } from '@cmp/kernel';
import { NotFoundError } from '../../domain/enrolment-error';
import { AuditEntry, AuditRepository } from '../audit/audit.repository';
import { Consent, ConsentRepository } from '../consents/consent.repository';
import { Mentee, MenteeRepository } from '../mentees/mentee.repository';
import { Mentor, MentorRepository } from '../mentors/mentor.repository';
import { Referral, ReferralRepository } from '../referrals/referral.repository';

export type PersonalDataExport = (
  | { readonly role: Extract<PersonRole, 'mentee'>; readonly profile: Mentee }
  | { readonly role: Extract<PersonRole, 'mentor'>; readonly profile: Mentor }
) & {
  readonly exportedAt: Date;
  readonly consents: Consent[];
  readonly referral?: Pick<Referral, 'id' | 'organisationId' | 'cohortId' | 'redeemedAt'>;
  readonly history: AuditEntry[];
};

/** GDPR: everything held about a person (art. 15/20). */
@Injectable()
export class PersonQueries {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly mentees: MenteeRepository,
    private readonly mentors: MentorRepository,
    private readonly consents: ConsentRepository,
    private readonly referrals: ReferralRepository,
    private readonly audit: AuditRepository,
  ) {}

  export(personId: string): Promise<PersonalDataExport> {
    return this.unitOfWork.read(async (tx) => {
      const mentee = await this.mentees.find(tx, personId);
      const mentor = mentee ? null : await this.mentors.find(tx, personId);
      const person = mentee ? ({ role: 'mentee', profile: mentee } as const) : mentor ? ({ role: 'mentor', profile: mentor } as const) : null;
      if (!person || person.profile.erasedAt) throw new NotFoundError('person', personId);
      const referral = mentee?.referralId ? await this.referrals.find(tx, mentee.referralId) : null;
      return {
        ...person,
        exportedAt: tx.now,
        consents: await this.consents.ofPerson(tx, personId),
        referral: referral ? { id: referral.id, organisationId: referral.organisationId, cohortId: referral.cohortId, redeemedAt: referral.redeemedAt } : undefined,
        history: await this.audit.of(tx, personId),
      };
    });
  }
}
