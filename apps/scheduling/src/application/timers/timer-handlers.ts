import { Injectable } from '@nestjs/common';
import { FollowUpDue, FollowUpMonths, MentorshipCompleted, MentorshipStalled, ReminderLeadTime, SessionReminderDue } from '@cmp/contracts';
import type { Transaction } from '@cmp/kernel';
import { stallVerdict } from '../../domain/stall-rule';
import { Plan, PlanRepository } from '../plans/plan.repository';
import { SessionCancellation } from '../sessions/session-cancellation';
import { confirmedDataOf } from '../sessions/session-event-data';
import { SessionRepository } from '../sessions/session.repository';
import { ProgrammeTimers } from './programme-timers';
import { DueTimer, TimerRepository } from './timer.repository';

/**
 * What each durable timer does when it fires, in the worker's transaction (which also marks the
 * row fired), so its events are written exactly once. A timer whose reason has gone (the session
 * moved, the plan ended) fires silently.
 */
@Injectable()
export class TimerHandlers {
  constructor(
    private readonly plans: PlanRepository,
    private readonly sessions: SessionRepository,
    private readonly timers: TimerRepository,
    private readonly programmeTimers: ProgrammeTimers,
    private readonly cancellation: SessionCancellation,
  ) {}

  async fire(tx: Transaction, timer: DueTimer): Promise<void> {
    const plan = await this.plans.lock(tx, timer.planId);
    if (!plan) return;
    switch (timer.kind) {
      case 'session-reminder':
        return this.remind(tx, timer);
      case 'stall-check':
        return this.checkStall(tx, plan);
      case 'programme-end':
        return this.endProgramme(tx, plan);
      case 'follow-up':
        return this.followUp(tx, plan, timer);
    }
  }

  private async remind(tx: Transaction, timer: DueTimer): Promise<void> {
    const session = await this.sessions.byId(tx, timer.sessionId as string);
    const { leadTime, sequence } = timer.payload as { leadTime: ReminderLeadTime; sequence: number };
    if (!session || session.status !== 'confirmed' || session.sequence !== sequence) return;
    tx.emit({ contract: SessionReminderDue, key: session.matchId, data: { ...confirmedDataOf(session), leadTime } });
  }

  private async checkStall(tx: Transaction, plan: Plan): Promise<void> {
    if (plan.status !== 'active') return;
    const lastHeldAt = await this.sessions.lastHeldAt(tx, plan.matchId);
    const verdict = stallVerdict(plan.startsOn, lastHeldAt, tx.now);
    if (verdict) {
      await this.plans.update(tx, { ...plan, lastStalledAt: tx.now });
      tx.emit({
        contract: MentorshipStalled,
        key: plan.matchId,
        data: { matchId: plan.matchId, cohortId: plan.cohortId, menteeId: plan.menteeId, mentorId: plan.mentorId, ...verdict },
      });
    }
    await this.programmeTimers.armStallCheck(tx, plan, lastHeldAt);
  }

  /** The programme is over: scheduling's own MentorshipCompleted, then the follow-ups. */
  private async endProgramme(tx: Transaction, plan: Plan): Promise<void> {
    if (plan.status !== 'active') return;
    const completed: Plan = { ...plan, status: 'completed' };
    await this.plans.update(tx, completed);
    await this.cancellation.cancelOpenSessionsOf(tx, plan.id, 'system', 'the programme ended');
    await this.timers.cancelForPlan(tx, plan.id, ['stall-check', 'session-reminder']);
    const sessionsHeld = await this.sessions.countHeld(tx, plan.matchId);
    tx.emit({
      contract: MentorshipCompleted,
      key: plan.matchId,
      data: { matchId: plan.matchId, cohortId: plan.cohortId, menteeId: plan.menteeId, mentorId: plan.mentorId, completedOn: plan.endsOn, sessionsHeld },
    });
    await this.programmeTimers.armFollowUps(tx, completed);
  }

  private async followUp(tx: Transaction, plan: Plan, timer: DueTimer): Promise<void> {
    const { monthsAfterCompletion, dueOn, completedOn } = timer.payload as { monthsAfterCompletion: FollowUpMonths; dueOn: string; completedOn: string };
    tx.emit({
      contract: FollowUpDue,
      key: plan.matchId,
      data: { matchId: plan.matchId, cohortId: plan.cohortId, menteeId: plan.menteeId, mentorId: plan.mentorId, monthsAfterCompletion, completedOn, dueOn },
    });
  }
}
