import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FollowUpDue, FollowUpMonths, MentorshipCompleted, MentorshipStalled, ReminderLeadTime, SessionReminderDue } from '@cmp/contracts';
import { Outbox } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { followUpsAfter } from '../../domain/follow-up-schedule';
import { stallVerdict } from '../../domain/stall-rule';
import { PlanEntity } from '../../infrastructure/entities/plan.entity';
import { SessionEntity } from '../../infrastructure/entities/session.entity';
import { TimerEntity } from '../../infrastructure/entities/timer.entity';
import { TimerStore } from '../../infrastructure/timers/timer-store';
import { PlanLifecycle } from '../plans/plan-lifecycle';
import { confirmedDataOf } from '../sessions/session-event-data';

/**
 * What each durable timer does when it fires, in the worker's transaction (which also marks the
 * row fired), so its events are written exactly once. A timer whose reason has gone (the session
 * moved, the plan ended) fires silently.
 */
@Injectable()
export class TimerHandlers {
  constructor(
    private readonly outbox: Outbox,
    private readonly timers: TimerStore,
    private readonly plans: PlanLifecycle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async fire(manager: EntityManager, timer: TimerEntity): Promise<void> {
    const plan = await manager.findOne(PlanEntity, { where: { id: timer.planId }, lock: { mode: 'pessimistic_write' } });
    if (!plan) return;
    switch (timer.kind) {
      case 'session-reminder':
        return this.remind(manager, timer);
      case 'stall-check':
        return this.checkStall(manager, plan);
      case 'programme-end':
        return this.endProgramme(manager, plan);
      case 'follow-up':
        return this.followUp(manager, plan, timer);
    }
  }

  private async remind(manager: EntityManager, timer: TimerEntity): Promise<void> {
    const session = await manager.findOneBy(SessionEntity, { id: timer.sessionId as string });
    const { leadTime, sequence } = timer.payload as { leadTime: ReminderLeadTime; sequence: number };
    if (!session || session.status !== 'confirmed' || session.sequence !== sequence) return;
    await this.outbox.add(manager, { contract: SessionReminderDue, key: session.matchId, data: { ...confirmedDataOf(session), leadTime } });
  }

  private async checkStall(manager: EntityManager, plan: PlanEntity): Promise<void> {
    if (plan.status !== 'active') return;
    const now = this.clock();
    const lastHeldAt = await this.plans.lastHeldAt(manager, plan.matchId);
    const verdict = stallVerdict(plan.startsOn, lastHeldAt, now);
    if (verdict) {
      plan.lastStalledAt = now;
      await manager.save(plan);
      await this.outbox.add(manager, {
        contract: MentorshipStalled,
        key: plan.matchId,
        data: { matchId: plan.matchId, cohortId: plan.cohortId, menteeId: plan.menteeId, mentorId: plan.mentorId, ...verdict },
      });
    }
    await this.plans.scheduleStallCheck(manager, plan, lastHeldAt);
  }

  /** The programme is over: scheduling's own MentorshipCompleted, then the follow-ups. */
  private async endProgramme(manager: EntityManager, plan: PlanEntity): Promise<void> {
    if (plan.status !== 'active') return;
    plan.status = 'completed';
    await manager.save(plan);
    await this.plans.cancelOpenSessions(manager, plan, 'system', 'the programme ended');
    await this.timers.cancelForPlan(manager, plan.id, ['stall-check', 'session-reminder']);
    const sessionsHeld = await manager.countBy(SessionEntity, { matchId: plan.matchId, status: 'completed' });
    await this.outbox.add(manager, {
      contract: MentorshipCompleted,
      key: plan.matchId,
      data: { matchId: plan.matchId, cohortId: plan.cohortId, menteeId: plan.menteeId, mentorId: plan.mentorId, completedOn: plan.endsOn, sessionsHeld },
    });
    await this.timers.schedule(
      manager,
      ...followUpsAfter(plan.endsOn).map((followUp) => ({
        kind: 'follow-up' as const,
        dedupeKey: `follow-up:${plan.id}:${followUp.monthsAfterCompletion}`,
        planId: plan.id,
        dueAt: followUp.dueAt,
        payload: { monthsAfterCompletion: followUp.monthsAfterCompletion, dueOn: followUp.dueOn, completedOn: plan.endsOn },
      })),
    );
  }

  private async followUp(manager: EntityManager, plan: PlanEntity, timer: TimerEntity): Promise<void> {
    const { monthsAfterCompletion, dueOn, completedOn } = timer.payload as { monthsAfterCompletion: FollowUpMonths; dueOn: string; completedOn: string };
    await this.outbox.add(manager, {
      contract: FollowUpDue,
      key: plan.matchId,
      data: { matchId: plan.matchId, cohortId: plan.cohortId, menteeId: plan.menteeId, mentorId: plan.mentorId, monthsAfterCompletion, completedOn, dueOn },
    });
  }
}
