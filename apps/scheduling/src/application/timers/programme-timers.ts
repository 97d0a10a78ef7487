import { Injectable } from '@nestjs/common';
import type { Transaction } from '@cmp/kernel';
import { followUpsAfter, programmeEndsAt } from '../../domain/follow-up-schedule';
import { remindersFor } from '../../domain/reminders';
import { nextStallCheck } from '../../domain/stall-rule';
import { Plan } from '../plans/plan.repository';
import { Session, SessionRepository } from '../sessions/session.repository';
import { TimerRepository } from './timer.repository';

/** Which durable timers a plan and its sessions need, and when; every use case arms them here. */
@Injectable()
export class ProgrammeTimers {
  constructor(
    private readonly timers: TimerRepository,
    private readonly sessions: SessionRepository,
  ) {}

  /** The programme's end and its first stall check. */
  async armProgramme(tx: Transaction, plan: Plan, lastHeldAt: Date | null): Promise<void> {
    const endsAt = programmeEndsAt(plan.endsOn);
    await this.timers.schedule(tx, { kind: 'programme-end', dedupeKey: `programme-end:${plan.id}:${plan.endsOn}`, planId: plan.id, dueAt: endsAt });
    await this.armStallCheck(tx, plan, lastHeldAt);
  }

  /** The plan's dates moved: its programme timers follow. */
  async rearmProgramme(tx: Transaction, plan: Plan): Promise<void> {
    await this.timers.cancelForPlan(tx, plan.id, ['stall-check', 'programme-end']);
    await this.armProgramme(tx, plan, await this.sessions.lastHeldAt(tx, plan.matchId));
  }

  /** The next stall check, unless the programme is over by then. */
  async armStallCheck(tx: Transaction, plan: Plan, lastHeldAt: Date | null): Promise<void> {
    const dueAt = nextStallCheck(plan.startsOn, lastHeldAt, tx.now);
    if (dueAt.getTime() >= programmeEndsAt(plan.endsOn).getTime()) return;
    await this.timers.schedule(tx, { kind: 'stall-check', dedupeKey: `stall-check:${plan.id}:${dueAt.toISOString()}`, planId: plan.id, dueAt });
  }

  /** A session was held: the stall check counts from it. */
  async rearmStallCheck(tx: Transaction, plan: Plan): Promise<void> {
    await this.timers.cancelForPlan(tx, plan.id, ['stall-check']);
    await this.armStallCheck(tx, plan, await this.sessions.lastHeldAt(tx, plan.matchId));
  }

  /** Reminders ahead of a confirmed session's (new) time; keyed by its sequence, so a moved session gets new ones. */
  async armReminders(tx: Transaction, session: Session): Promise<void> {
    await this.timers.schedule(
      tx,
      ...remindersFor(session.startsAt as Date, tx.now).map((reminder) => ({
        kind: 'session-reminder' as const,
        dedupeKey: `reminder:${session.id}:${session.sequence}:${reminder.leadTime}`,
        planId: session.planId,
        sessionId: session.id,
        dueAt: reminder.dueAt,
        payload: { leadTime: reminder.leadTime, sequence: session.sequence },
      })),
    );
  }

  /** The programme ended: the follow-ups at completion, +3 and +6 months. */
  async armFollowUps(tx: Transaction, plan: Plan): Promise<void> {
    await this.timers.schedule(
      tx,
      ...followUpsAfter(plan.endsOn).map((followUp) => ({
        kind: 'follow-up' as const,
        dedupeKey: `follow-up:${plan.id}:${followUp.monthsAfterCompletion}`,
        planId: plan.id,
        dueAt: followUp.dueAt,
        payload: { monthsAfterCompletion: followUp.monthsAfterCompletion, dueOn: followUp.dueOn, completedOn: plan.endsOn },
      })),
    );
  }
}
