import { Injectable } from '@nestjs/common';
import { MenteeWithdrew } from '@cmp/contracts';
import { copenhagenDateOf, type Transaction } from '@cmp/kernel';
import { hasStarted } from '../../domain/cohort';
import { NotFoundError } from '../../domain/enrolment-error';
import { moveMentee, PLACE_HOLDING_STATUSES } from '../../domain/mentee-lifecycle';
import { releasePlacement } from '../../domain/placement-quota';
import { CohortPlaces } from '../cohorts/cohort-places';
import { PlacementRepository } from '../placements/placement.repository';
import { Mentee, MenteeRepository } from './mentee.repository';

export interface WithdrawMenteeCommand {
  readonly menteeId: string;
  readonly by: 'mentee' | 'coordinator';
  readonly reason: string;
}

/**
 * A mentee leaves, by their own choice, a coordinator's, or as part of erasure. Before the cohort
 * starts their place goes back: the referrer's placement is released and the next waitlisted
 * mentee is placed. Runs in the caller's transaction.
 */
@Injectable()
export class MenteeWithdrawal {
  constructor(
    private readonly mentees: MenteeRepository,
    private readonly placements: PlacementRepository,
    private readonly places: CohortPlaces,
  ) {}

  /** Locks the mentee; an erased one is as good as unknown. */
  async lockMentee(tx: Transaction, menteeId: string): Promise<Mentee> {
    const mentee = await this.mentees.lock(tx, menteeId);
    if (!mentee || mentee.erasedAt) throw new NotFoundError('mentee', menteeId);
    return mentee;
  }

  async withdraw(tx: Transaction, command: WithdrawMenteeCommand): Promise<Mentee> {
    const mentee = await this.lockMentee(tx, command.menteeId);
    const cohort = await this.places.lockCohort(tx, mentee.cohortId);
    const heldPlace = PLACE_HOLDING_STATUSES.includes(mentee.status);
    const releases = !hasStarted(cohort, copenhagenDateOf(tx.now));
    mentee.status = moveMentee(mentee.status, 'withdrawn');
    mentee.statusReason = command.reason;
    await this.mentees.save(tx, mentee);
    tx.record(`mentee.withdrawn-by-${command.by}`, 'mentee', mentee.id, ['status', 'statusReason']);

    if (releases && mentee.referringOrganisationId) {
      const quota = await this.placements.lock(tx, mentee.referringOrganisationId, cohort.id);
      if (quota) {
        quota.used = releasePlacement(quota);
        await this.placements.saveUsed(tx, quota);
      }
    }
    tx.emit({
      contract: MenteeWithdrew,
      key: mentee.id,
      data: { menteeId: mentee.id, cohortId: cohort.id, by: command.by, reason: command.reason, placementReleased: releases },
    });
    if (releases && heldPlace) await this.places.promoteWaitlist(tx, cohort);
    return mentee;
  }
}
