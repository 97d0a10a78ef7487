import { Injectable } from '@nestjs/common';
import { MatchConfirmedData, MatchEndedData } from '@cmp/contracts';
import type { Transaction } from '@cmp/kernel';
import { PlanCommands } from '../plans/plan-commands';
import { PlanRepository } from '../plans/plan.repository';

/** Plans follow matching's decisions: a confirmed match gets a plan, an ended one stops. */
@Injectable()
export class MatchingProjector {
  constructor(
    private readonly planCommands: PlanCommands,
    private readonly plans: PlanRepository,
  ) {}

  async matchConfirmed(tx: Transaction, data: MatchConfirmedData): Promise<void> {
    await this.planCommands.createForMatch(tx, data);
  }

  /**
   * An ended match stops its plan. 'completed' usually echoes scheduling's own MentorshipCompleted
   * (the plan is already completed, so nothing happens); if a coordinator completed the match
   * early, the plan stops without a second MentorshipCompleted, since the programme-end timer is
   * the only source of that event.
   */
  async matchEnded(tx: Transaction, data: MatchEndedData): Promise<void> {
    const plan = await this.plans.lockOfMatch(tx, data.matchId);
    if (!plan) return;
    await this.planCommands.end(tx, plan, `the match ended (${data.reason})`, 'system');
  }
}
