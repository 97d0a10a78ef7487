import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Not } from 'typeorm';
import {
  NoShowParty,
  SessionCancelled,
  SessionCompleted,
  SessionConfirmed,
  SessionMode,
  SessionNoShow,
  SessionParticipant,
  SessionProposed,
  SessionRescheduled,
  SessionTheme,
} from '@cmp/contracts';
import { Outbox } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { Actor, actorName, partOf } from '../../domain/actor';
import { programmeEndsAt } from '../../domain/follow-up-schedule';
import { remindersFor } from '../../domain/reminders';
import { InvalidScheduleError, NotFoundError, TransitionRefusedError } from '../../domain/scheduling-error';
import { cancel, complete, confirm, markNoShow, propose, reschedule, SessionActor } from '../../domain/session';
import { PartyCalendar, refuseUnschedulable } from '../../domain/session-slot-rules';
import { venueOf } from '../../domain/session-venue';
import { TimeSlot } from '../../domain/time-slot';
import { PersonAvailabilityEntity } from '../../infrastructure/entities/person-availability.entity';
import { PlanEntity } from '../../infrastructure/entities/plan.entity';
import { SessionEntity } from '../../infrastructure/entities/session.entity';
import { TimerStore } from '../../infrastructure/timers/timer-store';
import { PlanLifecycle } from '../plans/plan-lifecycle';
import { confirmedDataOf, partiesOf, venueDataOf } from './session-event-data';
import { recordStep } from './session-history';
import { applyState, stateOf, toStoredSlot } from './session-state-mapping';

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
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly timers: TimerStore,
    private readonly plans: PlanLifecycle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  propose(actor: Actor, matchId: string, command: ProposeSessionCommand): Promise<SessionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await manager.findOneBy(PlanEntity, { matchId });
      if (!plan) throw new NotFoundError('plan of match', matchId);
      const by = this.participantFor(actor, plan, command.onBehalfOf);
      if (plan.status !== 'active') throw new TransitionRefusedError(`the mentorship is ${plan.status}; no new sessions`);
      const now = this.clock();
      const venue = venueOf(command.mode, command.place, command.link);
      const state = propose(by, command.slots, now);
      await this.lockDiaries(manager, plan);
      for (const slot of state.slots) {
        this.refuseAfterProgramme(plan, slot);
        refuseUnschedulable(slot, await this.calendars(manager, plan, null));
      }
      const session = manager.create(SessionEntity, {
        id: randomUUID(),
        planId: plan.id,
        matchId: plan.matchId,
        cohortId: plan.cohortId,
        menteeId: plan.menteeId,
        mentorId: plan.mentorId,
        theme: command.theme ?? null,
        ...venue,
        proposedBy: by,
        cancelledBy: null,
        cancelReason: null,
        absent: null,
        topics: null,
        nextSteps: null,
        introductions: null,
        introductionsMade: 0,
        createdAt: now,
      });
      applyState(session, state, now);
      await manager.insert(SessionEntity, session);
      await recordStep(manager, session, 'proposed', actorName(actor), now, { slots: state.slots.map(toStoredSlot) });
      await this.outbox.add(manager, {
        contract: SessionProposed,
        key: session.matchId,
        data: { ...venueDataOf(session), proposedBy: by, slots: session.slots },
      });
      return session;
    });
  }

  confirm(actor: Actor, sessionId: string, startsAt: Date): Promise<SessionEntity> {
    return this.withSession(actor, sessionId, true, async (manager, session, plan, by, now) => {
      const state = confirm(stateOf(session), startsAt, by, now);
      refuseUnschedulable({ startsAt: state.startsAt as Date, endsAt: state.endsAt as Date }, await this.calendars(manager, plan, session.id));
      applyState(session, state, now);
      await manager.save(session);
      await recordStep(manager, session, 'confirmed', actorName(actor), now);
      await this.scheduleReminders(manager, session, now);
      await this.outbox.add(manager, { contract: SessionConfirmed, key: session.matchId, data: confirmedDataOf(session) });
    });
  }

  reschedule(actor: Actor, sessionId: string, slot: TimeSlot, onBehalfOf?: SessionParticipant, reason?: string): Promise<SessionEntity> {
    return this.withSession(actor, sessionId, true, async (manager, session, plan, _by, now) => {
      const rescheduledBy = this.participantFor(actor, plan, onBehalfOf);
      const previousStartsAt = session.startsAt as Date;
      const state = reschedule(stateOf(session), slot, now);
      this.refuseAfterProgramme(plan, slot);
      refuseUnschedulable(slot, await this.calendars(manager, plan, session.id));
      applyState(session, state, now);
      await manager.save(session);
      await recordStep(manager, session, 'rescheduled', actorName(actor), now, { previousStartsAt: previousStartsAt.toISOString(), ...(reason ? { reason } : {}) });
      await this.timers.cancelForSession(manager, session.id);
      await this.scheduleReminders(manager, session, now);
      await this.outbox.add(manager, {
        contract: SessionRescheduled,
        key: session.matchId,
        data: { ...confirmedDataOf(session), previousStartsAt: previousStartsAt.toISOString(), rescheduledBy },
      });
    });
  }

  cancel(actor: Actor, sessionId: string, reason: string): Promise<SessionEntity> {
    return this.withSession(actor, sessionId, false, async (manager, session, _plan, by, now) => {
      applyState(session, cancel(stateOf(session), now), now);
      Object.assign(session, { cancelledBy: by, cancelReason: reason });
      await manager.save(session);
      await recordStep(manager, session, 'cancelled', actorName(actor), now, { reason });
      await this.timers.cancelForSession(manager, session.id);
      await this.outbox.add(manager, {
        contract: SessionCancelled,
        key: session.matchId,
        data: {
          ...partiesOf(session),
          ...(session.startsAt ? { startsAt: session.startsAt.toISOString(), endsAt: (session.endsAt as Date).toISOString() } : {}),
          sequence: session.sequence,
          cancelledBy: by,
          reason,
        },
      });
    });
  }

  /** The session was held; the log's text stays here, only counts leave. Re-arms stall detection. */
  complete(actor: Actor, sessionId: string, log: SessionLog): Promise<SessionEntity> {
    return this.withSession(actor, sessionId, false, async (manager, session, plan, _by, now) => {
      applyState(session, complete(stateOf(session), now), now);
      Object.assign(session, { topics: [...log.topics], nextSteps: log.nextSteps, introductions: [...log.introductions], introductionsMade: log.introductions.length });
      await manager.save(session);
      await recordStep(manager, session, 'completed', actorName(actor), now);
      await this.timers.cancelForSession(manager, session.id);
      const sessionsHeld = await manager.countBy(SessionEntity, { matchId: session.matchId, status: 'completed' });
      await this.outbox.add(manager, {
        contract: SessionCompleted,
        key: session.matchId,
        data: {
          ...partiesOf(session),
          startsAt: (session.startsAt as Date).toISOString(),
          endsAt: (session.endsAt as Date).toISOString(),
          ...(session.theme ? { theme: session.theme } : {}),
          introductionsMade: session.introductionsMade,
          sessionsHeld,
        },
      });
      if (plan.status === 'active') {
        await this.timers.cancelForPlan(manager, plan.id, ['stall-check']);
        await this.plans.scheduleStallCheck(manager, plan, await this.plans.lastHeldAt(manager, plan.matchId));
      }
    });
  }

  noShow(actor: Actor, sessionId: string, absent: NoShowParty): Promise<SessionEntity> {
    return this.withSession(actor, sessionId, false, async (manager, session, _plan, _by, now) => {
      applyState(session, markNoShow(stateOf(session), absent, now), now);
      session.absent = absent;
      await manager.save(session);
      await recordStep(manager, session, 'no-show', actorName(actor), now, { absent });
      await this.timers.cancelForSession(manager, session.id);
      await this.outbox.add(manager, {
        contract: SessionNoShow,
        key: session.matchId,
        data: { ...partiesOf(session), startsAt: (session.startsAt as Date).toISOString(), absent },
      });
    });
  }

  private withSession(
    actor: Actor,
    sessionId: string,
    booksTime: boolean,
    step: (manager: EntityManager, session: SessionEntity, plan: PlanEntity, by: SessionActor, now: Date) => Promise<void>,
  ): Promise<SessionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(SessionEntity, { id: sessionId });
      if (!found) throw new NotFoundError('session', sessionId);
      const plan = await manager.findOneByOrFail(PlanEntity, { id: found.planId });
      const by: SessionActor = partOf(actor, plan) ?? (actor.role === 'system' ? 'system' : 'coordinator');
      // Diaries first, then the session, always in that order, so concurrent bookings cannot deadlock.
      if (booksTime) await this.lockDiaries(manager, plan);
      const session = await manager.findOneOrFail(SessionEntity, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      await step(manager, session, plan, by, this.clock());
      return session;
    });
  }

  /** Staff act for one of the pair and must say whom; a mentee or mentor acts for themself. */
  private participantFor(actor: Actor, plan: PlanEntity, onBehalfOf?: SessionParticipant): SessionParticipant {
    const part = partOf(actor, plan);
    if (part) return part;
    if (!onBehalfOf) throw new InvalidScheduleError('a coordinator acting for the pair must say for whom (onBehalfOf: mentor or mentee)');
    return onBehalfOf;
  }

  private refuseAfterProgramme(plan: PlanEntity, slot: TimeSlot): void {
    if (slot.startsAt.getTime() >= programmeEndsAt(plan.endsOn).getTime()) {
      throw new InvalidScheduleError(`the programme ends on ${plan.endsOn}; sessions must start before then`);
    }
  }

  /**
   * Serialises bookings per person across all their mentorships (a mentor may have three), so
   * two requests cannot both pass the overlap check. Ordered to avoid deadlocks.
   */
  private async lockDiaries(manager: EntityManager, plan: PlanEntity): Promise<void> {
    for (const personId of [plan.menteeId, plan.mentorId].sort()) {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`scheduling-diary:${personId}`]);
    }
  }

  private async calendars(manager: EntityManager, plan: PlanEntity, excludeSessionId: string | null): Promise<PartyCalendar[]> {
    const booked = async (personId: string) => {
      const others = excludeSessionId ? { id: Not(excludeSessionId) } : {};
      const sessions = await manager.find(SessionEntity, {
        where: [
          { menteeId: personId, status: 'confirmed', ...others },
          { mentorId: personId, status: 'confirmed', ...others },
        ],
      });
      return sessions.map((session) => ({ id: session.id, startsAt: session.startsAt as Date, endsAt: session.endsAt as Date }));
    };
    const availability = async (personId: string) => (await manager.findOneBy(PersonAvailabilityEntity, { personId }))?.windows ?? null;
    return [
      { role: 'mentee', availability: await availability(plan.menteeId), booked: await booked(plan.menteeId) },
      { role: 'mentor', availability: await availability(plan.mentorId), booked: await booked(plan.mentorId) },
    ];
  }

  private async scheduleReminders(manager: EntityManager, session: SessionEntity, now: Date): Promise<void> {
    await this.timers.schedule(
      manager,
      ...remindersFor(session.startsAt as Date, now).map((reminder) => ({
        kind: 'session-reminder' as const,
        dedupeKey: `reminder:${session.id}:${session.sequence}:${reminder.leadTime}`,
        planId: session.planId,
        sessionId: session.id,
        dueAt: reminder.dueAt,
        payload: { leadTime: reminder.leadTime, sequence: session.sequence },
      })),
    );
  }
}
