import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  NoShowParty,
  SessionCompleted,
  SessionConfirmed,
  SessionMode,
  SessionNoShow,
  SessionParticipant,
  SessionProposed,
  SessionRescheduled,
  SessionTheme,
} from '@cmp/contracts';
import { type Actor, callerName, type Transaction, UnitOfWork } from '@cmp/kernel';
import { partOf } from '../../domain/access-rules';
import { programmeEndsAt } from '../../domain/follow-up-schedule';
import { InvalidScheduleError, NotFoundError, TransitionRefusedError } from '../../domain/scheduling-error';
import { complete, confirm, markNoShow, propose, reschedule, SessionActor } from '../../domain/session';
import { PartyCalendar, refuseUnschedulable } from '../../domain/session-slot-rules';
import { venueOf } from '../../domain/session-venue';
import { TimeSlot } from '../../domain/time-slot';
import { AvailabilityRepository } from '../availability/availability.repository';
import { Plan, PlanRepository } from '../plans/plan.repository';
import { ProgrammeTimers } from '../timers/programme-timers';
import { TimerRepository } from '../timers/timer.repository';
import { SessionCancellation } from './session-cancellation';
import { confirmedDataOf, partiesOf, venueDataOf } from './session-event-data';
import { Session, SessionRepository } from './session.repository';
import { stateOf, toStoredSlot, withState } from './session-state-mapping';

export interface ProposeSessionCommand {
  readonly slots: readonly TimeSlot[];
  readonly mode: SessionMode;
  readonly place?: string;
  readonly link?: string;
  readonly theme?: SessionTheme;
  /** Needed when a coordinator proposes for the pair. */
  readonly onBehalfOf?: SessionParticipant;
}

export interface SessionLog {
  readonly topics: readonly string[];
  readonly nextSteps: string;
  readonly introductions: readonly string[];
}

/**
 * The session workflow of a pair. Every command runs in one transaction that locks the session
 * (and both people's diaries when it books time), writes the change, its history and its events,
 * so a refused request writes nothing.
 */
@Injectable()
export class SessionCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly plans: PlanRepository,
    private readonly sessions: SessionRepository,
    private readonly availability: AvailabilityRepository,
    private readonly timers: TimerRepository,
    private readonly programmeTimers: ProgrammeTimers,
    private readonly cancellation: SessionCancellation,
  ) {}

  propose(actor: Actor, matchId: string, command: ProposeSessionCommand): Promise<Session> {
    return this.unitOfWork.run(callerName(actor), async (tx) => {
      const plan = await this.plans.ofMatch(tx, matchId);
      if (!plan) throw new NotFoundError('plan of match', matchId);
      const by = this.participantFor(actor, plan, command.onBehalfOf);
      if (plan.status !== 'active') throw new TransitionRefusedError(`the mentorship is ${plan.status}; no new sessions`);
      const now = tx.now;
      const venue = venueOf(command.mode, command.place, command.link);
      const state = propose(by, command.slots, now);
      await this.lockDiaries(tx, plan);
      for (const slot of state.slots) {
        this.refuseAfterProgramme(plan, slot);
        refuseUnschedulable(slot, await this.calendars(tx, plan, null));
      }
      const session = withState(
        {
          id: randomUUID(),
          planId: plan.id,
          matchId: plan.matchId,
          cohortId: plan.cohortId,
          menteeId: plan.menteeId,
          mentorId: plan.mentorId,
          theme: command.theme ?? null,
          ...venue,
          cancelledBy: null,
          cancelReason: null,
          absent: null,
          topics: null,
          nextSteps: null,
          introductions: null,
          introductionsMade: 0,
          createdAt: now,
        },
        state,
        now,
      );
      await this.sessions.add(tx, session);
      await this.sessions.appendStep(tx, session, 'proposed', { slots: state.slots.map(toStoredSlot) });
      tx.emit({ contract: SessionProposed, key: session.matchId, data: { ...venueDataOf(session), proposedBy: by, slots: [...session.slots] } });
      return session;
    });
  }

  confirm(actor: Actor, sessionId: string, startsAt: Date): Promise<Session> {
    return this.withSession(actor, sessionId, true, async (tx, session, plan, by) => {
      const state = confirm(stateOf(session), startsAt, by, tx.now);
      refuseUnschedulable({ startsAt: state.startsAt as Date, endsAt: state.endsAt as Date }, await this.calendars(tx, plan, session.id));
      const confirmed = withState(session, state, tx.now);
      await this.sessions.update(tx, confirmed);
      await this.sessions.appendStep(tx, confirmed, 'confirmed');
      await this.programmeTimers.armReminders(tx, confirmed);
      tx.emit({ contract: SessionConfirmed, key: confirmed.matchId, data: confirmedDataOf(confirmed) });
      return confirmed;
    });
  }

  reschedule(actor: Actor, sessionId: string, slot: TimeSlot, onBehalfOf?: SessionParticipant, reason?: string): Promise<Session> {
    return this.withSession(actor, sessionId, true, async (tx, session, plan) => {
      const rescheduledBy = this.participantFor(actor, plan, onBehalfOf);
      const previousStartsAt = session.startsAt as Date;
      const state = reschedule(stateOf(session), slot, tx.now);
      this.refuseAfterProgramme(plan, slot);
      refuseUnschedulable(slot, await this.calendars(tx, plan, session.id));
      const moved = withState(session, state, tx.now);
      await this.sessions.update(tx, moved);
      await this.sessions.appendStep(tx, moved, 'rescheduled', { previousStartsAt: previousStartsAt.toISOString(), ...(reason ? { reason } : {}) });
      await this.timers.cancelForSession(tx, moved.id);
      await this.programmeTimers.armReminders(tx, moved);
      tx.emit({
        contract: SessionRescheduled,
        key: moved.matchId,
        data: { ...confirmedDataOf(moved), previousStartsAt: previousStartsAt.toISOString(), rescheduledBy },
      });
      return moved;
    });
  }

  cancel(actor: Actor, sessionId: string, reason: string): Promise<Session> {
    return this.withSession(actor, sessionId, false, (tx, session, _plan, by) => this.cancellation.cancel(tx, session, by, reason));
  }

  /** The session was held; the log's text stays here, only counts leave. Re-arms stall detection. */
  complete(actor: Actor, sessionId: string, log: SessionLog): Promise<Session> {
    return this.withSession(actor, sessionId, false, async (tx, session, plan) => {
      const held: Session = {
        ...withState(session, complete(stateOf(session), tx.now), tx.now),
        topics: [...log.topics],
        nextSteps: log.nextSteps,
        introductions: [...log.introductions],
        introductionsMade: log.introductions.length,
      };
      await this.sessions.update(tx, held);
      await this.sessions.appendStep(tx, held, 'completed');
      await this.timers.cancelForSession(tx, held.id);
      const sessionsHeld = await this.sessions.countHeld(tx, held.matchId);
      tx.emit({
        contract: SessionCompleted,
        key: held.matchId,
        data: {
          ...partiesOf(held),
          startsAt: (held.startsAt as Date).toISOString(),
          endsAt: (held.endsAt as Date).toISOString(),
          ...(held.theme ? { theme: held.theme } : {}),
          introductionsMade: held.introductionsMade,
          sessionsHeld,
        },
      });
      if (plan.status === 'active') await this.programmeTimers.rearmStallCheck(tx, plan);
      return held;
    });
  }

  noShow(actor: Actor, sessionId: string, absent: NoShowParty): Promise<Session> {
    return this.withSession(actor, sessionId, false, async (tx, session) => {
      const missed: Session = { ...withState(session, markNoShow(stateOf(session), absent, tx.now), tx.now), absent };
      await this.sessions.update(tx, missed);
      await this.sessions.appendStep(tx, missed, 'no-show', { absent });
      await this.timers.cancelForSession(tx, missed.id);
      tx.emit({ contract: SessionNoShow, key: missed.matchId, data: { ...partiesOf(missed), startsAt: (missed.startsAt as Date).toISOString(), absent } });
      return missed;
    });
  }

  private withSession(
    actor: Actor,
    sessionId: string,
    booksTime: boolean,
    step: (tx: Transaction, session: Session, plan: Plan, by: SessionActor) => Promise<Session>,
  ): Promise<Session> {
    return this.unitOfWork.run(callerName(actor), async (tx) => {
      const found = await this.sessions.byId(tx, sessionId);
      if (!found) throw new NotFoundError('session', sessionId);
      const plan = await this.plans.byId(tx, found.planId);
      if (!plan) throw new NotFoundError('plan', found.planId);
      const by: SessionActor = partOf(actor, plan) ?? (actor.role === 'system' ? 'system' : 'coordinator');
      // Diaries first, then the session, always in that order, so concurrent bookings cannot deadlock.
      if (booksTime) await this.lockDiaries(tx, plan);
      const session = await this.sessions.lock(tx, sessionId);
      if (!session) throw new NotFoundError('session', sessionId);
      return step(tx, session, plan, by);
    });
  }

  /** Staff act for one of the pair and must say whom; a mentee or mentor acts for themself. */
  private participantFor(actor: Actor, plan: Plan, onBehalfOf?: SessionParticipant): SessionParticipant {
    const part = partOf(actor, plan);
    if (part) return part;
    if (!onBehalfOf) throw new InvalidScheduleError('a coordinator acting for the pair must say for whom (onBehalfOf: mentor or mentee)');
    return onBehalfOf;
  }

  private refuseAfterProgramme(plan: Plan, slot: TimeSlot): void {
    if (slot.startsAt.getTime() >= programmeEndsAt(plan.endsOn).getTime()) {
      throw new InvalidScheduleError(`the programme ends on ${plan.endsOn}; sessions must start before then`);
    }
  }

  /** Both people's diaries, sorted so that two bookings lock them in the same order. */
  private lockDiaries(tx: Transaction, plan: Plan): Promise<void> {
    return this.sessions.lockDiariesOf(tx, [plan.menteeId, plan.mentorId].sort());
  }

  private async calendars(tx: Transaction, plan: Plan, excludeSessionId: string | null): Promise<PartyCalendar[]> {
    return [
      { role: 'mentee', availability: await this.availability.windowsOf(tx, plan.menteeId), booked: await this.sessions.bookedBy(tx, plan.menteeId, excludeSessionId) },
      { role: 'mentor', availability: await this.availability.windowsOf(tx, plan.mentorId), booked: await this.sessions.bookedBy(tx, plan.mentorId, excludeSessionId) },
    ];
  }
}
