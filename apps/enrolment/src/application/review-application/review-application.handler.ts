import { Injectable } from '@nestjs/common';
import { MenteeAccepted, MenteeRejected } from '@cmp/contracts';
import { copenhagenDate } from '../../domain/calendar-date';
import { hasStarted } from '../../domain/cohort';
import { NotFoundError, TransitionRefusedError } from '../../domain/enrolment-error';
import { moveMentee } from '../../domain/mentee-lifecycle';
import { MenteeEntity } from '../../infrastructure/entities';
import { lockCohort, placeOrWaitlistMentee } from '../cohort-places/cohort-places';
import { Actor, EnrolmentTransaction, EnrolmentUnitOfWork } from '../enrolment-unit-of-work';

/** A coordinator's eligibility decision on a direct application. */
@Injectable()
export class ReviewApplicationHandler {
  constructor(private readonly unitOfWork: EnrolmentUnitOfWork) {}

  accept(actor: Actor, menteeId: string): Promise<MenteeEntity> {
    return this.unitOfWork.run(actor, async (tx) => {
      const mentee = await lockMentee(tx, menteeId);
      const cohort = await lockCohort(tx, mentee.cohortId);
      if (hasStarted(cohort, copenhagenDate(tx.now))) throw new TransitionRefusedError('the cohort has started; the application can no longer be accepted');
      mentee.status = moveMentee(mentee.status, 'accepted');
      await tx.manager.save(mentee);
      tx.record('mentee.accepted', 'mentee', mentee.id, ['status']);
      tx.emit({ contract: MenteeAccepted, key: mentee.id, data: { menteeId: mentee.id, cohortId: mentee.cohortId } });
      await placeOrWaitlistMentee(tx, cohort, mentee);
      return mentee;
    });
  }

  reject(actor: Actor, menteeId: string, reason: string): Promise<MenteeEntity> {
    return this.unitOfWork.run(actor, async (tx) => {
      const mentee = await lockMentee(tx, menteeId);
      mentee.status = moveMentee(mentee.status, 'rejected');
      mentee.statusReason = reason;
      await tx.manager.save(mentee);
      tx.record('mentee.rejected', 'mentee', mentee.id, ['status', 'statusReason']);
      tx.emit({ contract: MenteeRejected, key: mentee.id, data: { menteeId: mentee.id, reason } });
      return mentee;
    });
  }
}

export async function lockMentee(tx: EnrolmentTransaction, menteeId: string): Promise<MenteeEntity> {
  const mentee = await tx.manager.findOne(MenteeEntity, { where: { id: menteeId }, lock: { mode: 'pessimistic_write' } });
  if (!mentee || mentee.erasedAt) throw new NotFoundError('mentee', menteeId);
  return mentee;
}
