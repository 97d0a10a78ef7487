import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MatchConfirmedData, PlanCreated, PlanCreatedData, PlanUpdated, SessionCanceller } from '@cmp/contracts';
import type { Transaction } from '@cmp/kernel';
import { sharedWindow } from '../../domain/availability';
import { copenhagenDateOf } from '@cmp/kernel';
import { generatePlan, ProgrammePlan, programmeDates } from '../../domain/programme-plan';
import { DEFAULT_RHYTHM } from '../../domain/programme-rhythm';
import { AvailabilityRepository } from '../availability/availability.repository';
import { Cohort, CohortRepository } from '../cohorts/cohort.repository';
import { SessionCancellation } from '../sessions/session-cancellation';
import { ProgrammeTimers } from '../timers/programme-timers';
import { TimerRepository } from '../timers/timer.repository';
import { Plan, PlannedSession, PlanRepository } from './plan.repository';

/**
 * Creates a confirmed match's plan, moves it when its cohort's dates arrive, and stops it early.
 * Driven by consumed events, so each runs in the transaction of the event's inbox entry.
 */
@Injectable()
export class PlanCommands {
  constructor(
    private readonly plans: PlanRepository,
    private readonly cohorts: CohortRepository,
    private readonly availability: AvailabilityRepository,
    private readonly timers: TimerRepository,
    private readonly programmeTimers: ProgrammeTimers,
    private readonly cancellation: SessionCancellation,
  ) {}

  /** Idempotent per match: a redelivered confirmation finds the plan and does nothing. */
  async createForMatch(tx: Transaction, match: MatchConfirmedData): Promise<Plan> {
    const existing = await this.plans.ofMatch(tx, match.matchId);
    if (existing) return existing;
    const cohort = await this.cohorts.byId(tx, match.cohortId);
    const confirmedAt = new Date(match.confirmedAt);
    const generated = await this.generate(tx, match, confirmedAt, cohort);
    const plan: Plan = {
      id: randomUUID(),
      matchId: match.matchId,
      cohortId: match.cohortId,
      menteeId: match.menteeId,
      mentorId: match.mentorId,
      confirmedAt,
      rhythm: cohort?.rhythm ?? DEFAULT_RHYTHM,
      status: 'active',
      endedReason: null,
      lastStalledAt: null,
      createdAt: tx.now,
      ...datesAndSessions(generated),
    };
    await this.plans.add(tx, plan);
    tx.emit({ contract: PlanCreated, key: plan.matchId, data: planData(plan) });
    await this.programmeTimers.armProgramme(tx, plan, null);
    return plan;
  }

  /**
   * A cohort's dates arrived after some of its matches were confirmed: those plans were anchored
   * on their confirmation date and move to the cohort's dates, with their timers.
   */
  async alignWithCohort(tx: Transaction, cohort: Cohort): Promise<void> {
    for (const plan of await this.plans.lockActiveAnchoredOnConfirmation(tx, cohort.id)) {
      const moved: Plan = { ...plan, ...datesAndSessions(await this.generate(tx, plan, plan.confirmedAt, cohort)) };
      await this.plans.update(tx, moved);
      await this.programmeTimers.rearmProgramme(tx, moved);
      tx.emit({ contract: PlanUpdated, key: moved.matchId, data: planData(moved) });
    }
  }

  /** Stops an active plan early (`plan` locked by the caller): future sessions are cancelled (with events) and its timers stop. */
  async end(tx: Transaction, plan: Plan, reason: string, cancelledBy: SessionCanceller): Promise<void> {
    if (plan.status !== 'active') return;
    await this.plans.update(tx, { ...plan, status: 'ended', endedReason: reason });
    await this.cancellation.cancelOpenSessionsOf(tx, plan.id, cancelledBy, reason);
    await this.timers.cancelForPlan(tx, plan.id);
  }

  private async generate(tx: Transaction, pair: { menteeId: string; mentorId: string }, confirmedAt: Date, cohort: Cohort | null): Promise<ProgrammePlan> {
    const rhythm = cohort?.rhythm ?? DEFAULT_RHYTHM;
    const known = cohort?.startsOn && cohort.endsOn ? { startsOn: cohort.startsOn, endsOn: cohort.endsOn } : null;
    const dates = programmeDates(copenhagenDateOf(confirmedAt), known);
    const [mentee, mentor] = await Promise.all([this.availability.windowsOf(tx, pair.menteeId), this.availability.windowsOf(tx, pair.mentorId)]);
    return generatePlan(dates, rhythm, sharedWindow(mentee, mentor, rhythm.sessionMinutes));
  }
}

function planData(plan: Plan): PlanCreatedData {
  return {
    planId: plan.id,
    matchId: plan.matchId,
    cohortId: plan.cohortId,
    menteeId: plan.menteeId,
    mentorId: plan.mentorId,
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    sessions: [...plan.plannedSessions],
  };
}

function datesAndSessions(plan: ProgrammePlan): Pick<Plan, 'startsOn' | 'endsOn' | 'anchoredOn' | 'plannedSessions'> {
  const plannedSessions: PlannedSession[] = plan.sessions.map((session) => ({
    number: session.number,
    theme: session.theme,
    suggestedOn: session.suggestedOn,
    ...(session.suggestedStartsAt ? { suggestedStartsAt: session.suggestedStartsAt.toISOString() } : {}),
    ...(session.suggestedEndsAt ? { suggestedEndsAt: session.suggestedEndsAt.toISOString() } : {}),
  }));
  return { startsOn: plan.startsOn, endsOn: plan.endsOn, anchoredOn: plan.anchoredOn, plannedSessions };
}
