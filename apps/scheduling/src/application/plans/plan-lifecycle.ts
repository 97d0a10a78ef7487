import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { MatchConfirmedData, PlanCreated, PlanCreatedData, PlanUpdated, SessionCancelled, SessionCanceller } from '@cmp/contracts';
import { Outbox } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { sharedWindow } from '../../domain/availability';
import { copenhagenDateOf } from '../../domain/copenhagen-time';
import { programmeEndsAt } from '../../domain/follow-up-schedule';
import { generatePlan, ProgrammePlan, programmeDates } from '../../domain/programme-plan';
import { DEFAULT_RHYTHM } from '../../domain/programme-rhythm';
import { cancel } from '../../domain/session';
import { nextStallCheck } from '../../domain/stall-rule';
import { CohortEntity } from '../../infrastructure/entities/cohort.entity';
import { PersonAvailabilityEntity } from '../../infrastructure/entities/person-availability.entity';
import { PlanEntity, StoredPlannedSession } from '../../infrastructure/entities/plan.entity';
import { SessionEntity } from '../../infrastructure/entities/session.entity';
import { TimerStore } from '../../infrastructure/timers/timer-store';
import { partiesOf } from '../sessions/session-event-data';
import { recordStep } from '../sessions/session-history';
import { applyState, stateOf } from '../sessions/session-state-mapping';

/** Creates a confirmed match's plan, moves it when its cohort's dates arrive, and stops it early. */
@Injectable()
export class PlanLifecycle {
  constructor(
    private readonly outbox: Outbox,
    private readonly timers: TimerStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Idempotent per match: a redelivered confirmation finds the plan and does nothing. */
  async createForMatch(manager: EntityManager, match: MatchConfirmedData): Promise<PlanEntity> {
    const existing = await manager.findOneBy(PlanEntity, { matchId: match.matchId });
    if (existing) return existing;
    const cohort = await manager.findOneBy(CohortEntity, { id: match.cohortId });
    const rhythm = cohort?.rhythm ?? DEFAULT_RHYTHM;
    const confirmedAt = new Date(match.confirmedAt);
    const generated = await this.generate(manager, match, confirmedAt, cohort);
    const plan = manager.create(PlanEntity, {
      id: randomUUID(),
      matchId: match.matchId,
      cohortId: match.cohortId,
      menteeId: match.menteeId,
      mentorId: match.mentorId,
      confirmedAt,
      rhythm,
      status: 'active',
      endedReason: null,
      lastStalledAt: null,
      createdAt: this.clock(),
      ...this.datesAndSessions(generated),
    });
    await manager.insert(PlanEntity, plan);
    await this.outbox.add(manager, { contract: PlanCreated, key: plan.matchId, data: this.planData(plan) });
    await this.scheduleProgrammeTimers(manager, plan, null);
    return plan;
  }

  /**
   * A cohort's dates arrived after some of its matches were confirmed: those plans were anchored
   * on their confirmation date and move to the cohort's dates, with their timers.
   */
  async alignWithCohort(manager: EntityManager, cohort: CohortEntity): Promise<void> {
    const plans = await manager.find(PlanEntity, {
      where: { cohortId: cohort.id, anchoredOn: 'confirmation', status: 'active' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const plan of plans) {
      const generated = await this.generate(manager, plan, plan.confirmedAt, cohort);
      Object.assign(plan, this.datesAndSessions(generated));
      await manager.save(plan);
      await this.timers.cancelForPlan(manager, plan.id, ['stall-check', 'programme-end']);
      await this.scheduleProgrammeTimers(manager, plan, await this.lastHeldAt(manager, plan.matchId));
      await this.outbox.add(manager, { contract: PlanUpdated, key: plan.matchId, data: this.planData(plan) });
    }
  }

  /** Stops an active plan early: future sessions are cancelled (with events) and its timers stop. */
  async endPlan(manager: EntityManager, plan: PlanEntity, reason: string, cancelledBy: SessionCanceller): Promise<void> {
    if (plan.status !== 'active') return;
    Object.assign(plan, { status: 'ended', endedReason: reason });
    await manager.save(plan);
    await this.cancelOpenSessions(manager, plan, cancelledBy, reason);
    await this.timers.cancelForPlan(manager, plan.id);
  }

  /** Cancels the plan's proposed sessions and its confirmed ones that have not started. */
  async cancelOpenSessions(manager: EntityManager, plan: PlanEntity, cancelledBy: SessionCanceller, reason: string): Promise<void> {
    const now = this.clock();
    const open = await manager.find(SessionEntity, { where: { planId: plan.id, status: In(['proposed', 'confirmed']) }, lock: { mode: 'pessimistic_write' } });
    for (const session of open) {
      if (session.status === 'confirmed' && (session.startsAt as Date).getTime() <= now.getTime()) continue;
      applyState(session, cancel(stateOf(session), now), now);
      Object.assign(session, { cancelledBy, cancelReason: reason });
      await manager.save(session);
      await recordStep(manager, session, 'cancelled', 'system', now, { reason });
      await this.timers.cancelForSession(manager, session.id);
      await this.outbox.add(manager, {
        contract: SessionCancelled,
        key: session.matchId,
        data: {
          ...partiesOf(session),
          ...(session.startsAt ? { startsAt: session.startsAt.toISOString(), endsAt: (session.endsAt as Date).toISOString() } : {}),
          sequence: session.sequence,
          cancelledBy,
          reason,
        },
      });
    }
  }

  /** @internal the start of the last session the pair held, if any. */
  async lastHeldAt(manager: EntityManager, matchId: string): Promise<Date | null> {
    const rows: { last: Date | null }[] = await manager.query(`SELECT max(starts_at) AS last FROM sessions WHERE match_id = $1 AND status = 'completed'`, [matchId]);
    return rows[0]?.last ? new Date(rows[0].last) : null;
  }

  /** @internal the next stall check, unless the programme is over by then. */
  async scheduleStallCheck(manager: EntityManager, plan: PlanEntity, lastHeldAt: Date | null): Promise<void> {
    const dueAt = nextStallCheck(plan.startsOn, lastHeldAt, this.clock());
    if (dueAt.getTime() >= programmeEndsAt(plan.endsOn).getTime()) return;
    await this.timers.schedule(manager, { kind: 'stall-check', dedupeKey: `stall-check:${plan.id}:${dueAt.toISOString()}`, planId: plan.id, dueAt });
  }

  private async scheduleProgrammeTimers(manager: EntityManager, plan: PlanEntity, lastHeldAt: Date | null): Promise<void> {
    const endsAt = programmeEndsAt(plan.endsOn);
    await this.timers.schedule(manager, { kind: 'programme-end', dedupeKey: `programme-end:${plan.id}:${plan.endsOn}`, planId: plan.id, dueAt: endsAt });
    await this.scheduleStallCheck(manager, plan, lastHeldAt);
  }

  private async generate(
    manager: EntityManager,
    pair: { menteeId: string; mentorId: string },
    confirmedAt: Date,
    cohort: CohortEntity | null,
  ): Promise<ProgrammePlan> {
    const rhythm = cohort?.rhythm ?? DEFAULT_RHYTHM;
    const known = cohort?.startsOn && cohort.endsOn ? { startsOn: cohort.startsOn, endsOn: cohort.endsOn } : null;
    const dates = programmeDates(copenhagenDateOf(confirmedAt), known);
    const [mentee, mentor] = await Promise.all([
      manager.findOneBy(PersonAvailabilityEntity, { personId: pair.menteeId }),
      manager.findOneBy(PersonAvailabilityEntity, { personId: pair.mentorId }),
    ]);
    return generatePlan(dates, rhythm, sharedWindow(mentee?.windows ?? null, mentor?.windows ?? null, rhythm.sessionMinutes));
  }

  private planData(plan: PlanEntity): PlanCreatedData {
    return {
      planId: plan.id,
      matchId: plan.matchId,
      cohortId: plan.cohortId,
      menteeId: plan.menteeId,
      mentorId: plan.mentorId,
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
      sessions: plan.plannedSessions,
    };
  }

  private datesAndSessions(plan: ProgrammePlan): Pick<PlanEntity, 'startsOn' | 'endsOn' | 'anchoredOn' | 'plannedSessions'> {
    const plannedSessions: StoredPlannedSession[] = plan.sessions.map((session) => ({
      number: session.number,
      theme: session.theme,
      suggestedOn: session.suggestedOn,
      ...(session.suggestedStartsAt ? { suggestedStartsAt: session.suggestedStartsAt.toISOString() } : {}),
      ...(session.suggestedEndsAt ? { suggestedEndsAt: session.suggestedEndsAt.toISOString() } : {}),
    }));
    return { startsOn: plan.startsOn, endsOn: plan.endsOn, anchoredOn: plan.anchoredOn, plannedSessions };
  }
}
