import { Injectable } from '@nestjs/common';
import { ContactPublished, MentorWithdrew, PersonErased, PersonRole } from '@cmp/contracts';
import { type Transaction, UnitOfWork } from '@cmp/kernel';
import { NotFoundError } from '../../domain/enrolment-error';
import { OPEN_MENTEE_STATUSES } from '../../domain/mentee-lifecycle';
import { MenteeWithdrawal } from '../mentees/mentee-withdrawal';
import { Mentee, MenteeRepository } from '../mentees/mentee.repository';
import { MentorRepository } from '../mentors/mentor.repository';
import { StoredPersonalDataRepository } from './stored-personal-data.repository';

const ERASURE_REASON = 'erasure requested';

/** GDPR erasure (art. 17). */
@Injectable()
export class PersonCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly mentees: MenteeRepository,
    private readonly mentors: MentorRepository,
    private readonly storedData: StoredPersonalDataRepository,
    private readonly withdrawal: MenteeWithdrawal,
  ) {}

  /**
   * Withdraws the person if still taking part, clears every personal field (anonymous facts stay,
   * so that past cohorts' counts do not change), drops stored responses and unsent contact records
   * that carry their details, and tells every other service through a tombstone and an event.
   */
  erase(actor: string, personId: string): Promise<void> {
    return this.unitOfWork.run(actor, async (tx) => {
      const mentee = await this.mentees.lock(tx, personId);
      const role: PersonRole = mentee ? 'mentee' : 'mentor';
      if (mentee) await this.eraseMentee(tx, mentee);
      else await this.eraseMentor(tx, personId);

      await this.storedData.forgetStoredResponses(tx, personId);
      await this.storedData.dropUnpublishedContact(tx, personId);
      tx.record('person.erased', 'person', personId);
      tx.emit({ contract: ContactPublished, key: personId, tombstone: true });
      tx.emit({ contract: PersonErased, key: personId, data: { personId, role, erasedAt: tx.now.toISOString() } });
    });
  }

  private async eraseMentee(tx: Transaction, mentee: Mentee): Promise<void> {
    if (mentee.erasedAt) throw new NotFoundError('person', mentee.id);
    if (OPEN_MENTEE_STATUSES.includes(mentee.status)) {
      await this.withdrawal.withdraw(tx, { menteeId: mentee.id, by: 'mentee', reason: ERASURE_REASON });
    }
    await this.mentees.erase(tx, mentee.id, tx.now);
  }

  private async eraseMentor(tx: Transaction, mentorId: string): Promise<void> {
    const mentor = await this.mentors.lock(tx, mentorId);
    if (!mentor || mentor.erasedAt) throw new NotFoundError('person', mentorId);
    if (mentor.status !== 'withdrawn') {
      tx.emit({ contract: MentorWithdrew, key: mentor.id, data: { mentorId: mentor.id, reason: ERASURE_REASON } });
    }
    await this.mentors.erase(tx, mentor.id, tx.now);
  }
}
