import { Injectable } from '@nestjs/common';
import { MenteeWithdrew } from '@cmp/contracts';
import { copenhagenDate } from '../../domain/calendar-date';
import { hasStarted } from '../../domain/cohort';
import { moveMentee, PLACE_HOLDING_STATUSES } from '../../domain/mentee-lifecycle';
import { releasePlacement } from '../../domain/placement-quota';
import { MenteeEntity, PlacementQuotaEntity } from '../../infrastructure/entities';
import { lockCohort, promoteWaitlist } from '../cohort-places/cohort-places';
import { Actor, EnrolmentTransaction, EnrolmentUnitOfWork } from '../enrolment-unit-of-work';
import { lockMentee } from '../review-application/review-application.handler';

export interface WithdrawMenteeCommand {
  readonly menteeId: string;
  readonly by: 'mentee' | 'coordinator';
  readonly reason: string;
}

/**
 * A mentee leaves, by their own choice or a coordinator's. Before the cohort starts their place
 * goes back: the referrer's placement is released and the next waitlisted mentee is placed.
 */
@Injectable()
export class WithdrawMenteeHandler {
  constructor(private readonly unitOfWork: EnrolmentUnitOfWork) {}

  execute(actor: Actor, command: WithdrawMenteeCommand): Promise<MenteeEntity> {
    return this.unitOfWork.run(actor, (tx) => withdrawMentee(tx, command));
  }
}

export async function withdrawMentee(tx: EnrolmentTransaction, command: WithdrawMenteeCommand): Promise<MenteeEntity> {
  const mentee = await lockMentee(tx, command.menteeId);
  const cohort = await lockCohort(tx, mentee.cohortId);
  const heldPlace = PLACE_HOLDING_STATUSES.includes(mentee.status);
  const beforeStart = !hasStarted(cohort, copenhagenDate(tx.now));
  mentee.status = moveMentee(mentee.status, 'withdrawn');
  mentee.statusReason = command.reason;
  await tx.manager.save(mentee);
  tx.record(`mentee.withdrawn-by-${command.by}`, 'mentee', mentee.id, ['status', 'statusReason']);

  const releases = beforeStart;
  if (releases && mentee.referringOrganisationId) {
    const quota = await tx.manager.findOne(PlacementQuotaEntity, {
      where: { organisationId: mentee.referringOrganisationId, cohortId: cohort.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (quota) {
      quota.used = releasePlacement(quota);
      await tx.manager.save(quota);
    }
  }
  tx.emit({
    contract: MenteeWithdrew,
    key: mentee.id,
    data: { menteeId: mentee.id, cohortId: cohort.id, by: command.by, reason: command.reason, placementReleased: releases },
  });
  if (releases && heldPlace) await promoteWaitlist(tx, cohort);
  return mentee;
}
