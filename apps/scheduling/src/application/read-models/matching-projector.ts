import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MatchConfirmedData, MatchEndedData } from '@cmp/contracts';
import { PlanEntity } from '../../infrastructure/entities/plan.entity';
import { PlanLifecycle } from '../plans/plan-lifecycle';

/** Plans follow matching's decisions: a confirmed match gets a plan, an ended one stops. */
@Injectable()
export class MatchingProjector {
  constructor(private readonly plans: PlanLifecycle) {}

  async matchConfirmed(manager: EntityManager, data: MatchConfirmedData): Promise<void> {
    await this.plans.createForMatch(manager, data);
  }

  /**
   * An ended match stops its plan. 'completed' usually echoes scheduling's own MentorshipCompleted
   * (the plan is already completed, so nothing happens); if a coordinator completed the match
   * early, the plan stops without a second MentorshipCompleted, since the programme-end timer is
   * the only source of that event.
   */
  async matchEnded(manager: EntityManager, data: MatchEndedData): Promise<void> {
    const plan = await manager.findOne(PlanEntity, { where: { matchId: data.matchId }, lock: { mode: 'pessimistic_write' } });
    if (!plan) return;
    await this.plans.endPlan(manager, plan, `the match ended (${data.reason})`, 'system');
  }
}
