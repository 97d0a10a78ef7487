import { Injectable } from '@nestjs/common';
import { ContactPublished, MentorWithdrew, PersonErased, PersonRole } from '@cmp/contracts';
import { NotFoundError } from '../../domain/enrolment-error';
import { OPEN_MENTEE_STATUSES } from '../../domain/mentee-lifecycle';
import {
  AuditEntryEntity,
  ConsentEntity,
  MenteeEntity,
  MentorEntity,
  ReferralEntity,
} from '../../infrastructure/entities';
import { Actor, EnrolmentTransaction, EnrolmentUnitOfWork } from '../enrolment-unit-of-work';
import { withdrawMentee } from '../withdraw-mentee/withdraw-mentee.handler';

export interface PersonalDataExport {
  readonly exportedAt: string;
  readonly role: PersonRole;
  readonly profile: MenteeEntity | MentorEntity;
  readonly consents: ConsentEntity[];
  readonly referral?: Pick<ReferralEntity, 'id' | 'organisationId' | 'cohortId' | 'redeemedAt'>;
  readonly history: AuditEntryEntity[];
}

const ERASURE_REASON = 'erasure requested';

/** GDPR: everything held about a person (art. 15/20), and erasure (art. 17). */
@Injectable()
export class PersonalDataHandler {
  constructor(private readonly unitOfWork: EnrolmentUnitOfWork) {}

  export(personId: string): Promise<PersonalDataExport> {
    return this.unitOfWork.read(async (manager) => {
      const mentee = await manager.findOneBy(MenteeEntity, { id: personId });
      const mentor = mentee ? null : await manager.findOneBy(MentorEntity, { id: personId });
      const profile = mentee ?? mentor;
      if (!profile || profile.erasedAt) throw new NotFoundError('person', personId);
      const referral = mentee?.referralId ? await manager.findOneBy(ReferralEntity, { id: mentee.referralId }) : null;
      return {
        exportedAt: this.unitOfWork.now().toISOString(),
        role: mentee ? 'mentee' : 'mentor',
        profile,
        consents: await manager.findBy(ConsentEntity, { personId }),
        referral: referral ? { id: referral.id, organisationId: referral.organisationId, cohortId: referral.cohortId, redeemedAt: referral.redeemedAt } : undefined,
        history: await manager.find(AuditEntryEntity, { where: { entityId: personId }, order: { id: 'ASC' } }),
      };
    });
  }

  /**
   * Withdraws the person if still taking part, clears every personal field (anonymous facts stay,
   * so that past cohorts' counts do not change), drops stored responses and unsent contact records
   * that carry their details, and tells every other service through a tombstone and an event.
   */
  erase(actor: Actor, personId: string): Promise<void> {
    return this.unitOfWork.run(actor, async (tx) => {
      const mentee = await tx.manager.findOne(MenteeEntity, { where: { id: personId }, lock: { mode: 'pessimistic_write' } });
      const role: PersonRole = mentee ? 'mentee' : 'mentor';
      if (mentee) await this.eraseMentee(tx, mentee);
      else await this.eraseMentor(tx, personId);

      await tx.manager.query(`DELETE FROM idempotency_records WHERE person_ids ? $1`, [personId]);
      await tx.manager.query(`DELETE FROM outbox WHERE topic = $1 AND message_key = $2`, [ContactPublished.topic, personId]);
      tx.record('person.erased', 'person', personId);
      tx.emit({ contract: ContactPublished, key: personId, tombstone: true });
      tx.emit({ contract: PersonErased, key: personId, data: { personId, role, erasedAt: tx.now.toISOString() } });
    });
  }

  private async eraseMentee(tx: EnrolmentTransaction, mentee: MenteeEntity): Promise<void> {
    if (mentee.erasedAt) throw new NotFoundError('person', mentee.id);
    if (OPEN_MENTEE_STATUSES.includes(mentee.status)) {
      await withdrawMentee(tx, { menteeId: mentee.id, by: 'mentee', reason: ERASURE_REASON });
    }
    await tx.manager.update(MenteeEntity, mentee.id, {
      name: null,
      email: null,
      phone: null,
      motivation: null,
      statusReason: null,
      countryOfOrigin: null,
      municipality: null,
      lastOccupation: null,
      education: null,
      skills: [],
      availability: [],
      erasedAt: tx.now,
    });
  }

  private async eraseMentor(tx: EnrolmentTransaction, mentorId: string): Promise<void> {
    const mentor = await tx.manager.findOne(MentorEntity, { where: { id: mentorId }, lock: { mode: 'pessimistic_write' } });
    if (!mentor || mentor.erasedAt) throw new NotFoundError('person', mentorId);
    if (mentor.status !== 'withdrawn') {
      tx.emit({ contract: MentorWithdrew, key: mentor.id, data: { mentorId: mentor.id, reason: ERASURE_REASON } });
    }
    await tx.manager.update(MentorEntity, mentor.id, {
      name: null,
      email: null,
      expertise: [],
      availability: [],
      municipality: null,
      status: 'withdrawn',
      erasedAt: tx.now,
    });
  }
}

