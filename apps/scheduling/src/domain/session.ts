import { NoShowParty, SessionCanceller, SessionParticipant } from '@cmp/contracts';
import { InvalidScheduleError, TransitionRefusedError } from './scheduling-error';
import { slotProblem, TimeSlot } from './time-slot';

export type SessionStatus = 'proposed' | 'confirmed' | 'completed' | 'cancelled' | 'no-show';

/** Who takes a step: one of the pair, a coordinator, or scheduling itself. */
export type SessionActor = SessionCanceller;

/**
 * The part of a session its life-cycle rules look at. A session is proposed with one or more
 * slots, confirmed on one of them, and then held (completed), missed (no-show) or cancelled;
 * rescheduling moves a confirmed session and bumps its calendar SEQUENCE.
 */
export interface SessionState {
  readonly status: SessionStatus;
  readonly proposedBy: SessionParticipant;
  readonly slots: readonly TimeSlot[];
  readonly startsAt: Date | null;
  readonly endsAt: Date | null;
  /** iCalendar SEQUENCE of the session's calendar entry: 0 when first confirmed, +1 per change. */
  readonly sequence: number;
}

export const MAX_PROPOSED_SLOTS = 5;

function refuseBadSlot(slot: TimeSlot, now: Date): void {
  const problem = slotProblem(slot, now);
  if (problem) throw new InvalidScheduleError(problem, { startsAt: slot.startsAt.toISOString() });
}

export function propose(by: SessionParticipant, slots: readonly TimeSlot[], now: Date): SessionState {
  if (slots.length === 0) throw new InvalidScheduleError('propose at least one slot');
  if (slots.length > MAX_PROPOSED_SLOTS) throw new InvalidScheduleError(`propose at most ${MAX_PROPOSED_SLOTS} slots`);
  slots.forEach((slot) => refuseBadSlot(slot, now));
  const sorted = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return { status: 'proposed', proposedBy: by, slots: sorted, startsAt: null, endsAt: null, sequence: 0 };
}

/** The other person (or a coordinator) accepts one of the proposed slots. */
export function confirm(session: SessionState, startsAt: Date, by: SessionActor, now: Date): SessionState {
  if (session.status !== 'proposed') throw new TransitionRefusedError(`only a proposed session can be confirmed; this one is ${session.status}`);
  if (by === session.proposedBy) throw new TransitionRefusedError(`the ${by} proposed this session; the other person confirms it`);
  const slot = session.slots.find((candidate) => candidate.startsAt.getTime() === startsAt.getTime());
  if (!slot) throw new InvalidScheduleError('confirm one of the proposed slots', { proposed: session.slots.map((candidate) => candidate.startsAt.toISOString()) });
  refuseBadSlot(slot, now);
  return { ...session, status: 'confirmed', startsAt: slot.startsAt, endsAt: slot.endsAt };
}

/** Moves a confirmed session that has not started; the calendar entry keeps its UID, with a higher SEQUENCE. */
export function reschedule(session: SessionState, slot: TimeSlot, now: Date): SessionState {
  if (session.status !== 'confirmed') throw new TransitionRefusedError(`only a confirmed session can be rescheduled; this one is ${session.status}`);
  if ((session.startsAt as Date).getTime() <= now.getTime()) throw new TransitionRefusedError('the session has already started; record it as held or as a no-show');
  refuseBadSlot(slot, now);
  if (slot.startsAt.getTime() === (session.startsAt as Date).getTime() && slot.endsAt.getTime() === (session.endsAt as Date).getTime()) {
    throw new InvalidScheduleError('the session is already at that time');
  }
  return { ...session, startsAt: slot.startsAt, endsAt: slot.endsAt, sequence: session.sequence + 1 };
}

export function cancel(session: SessionState, now: Date): SessionState {
  if (session.status !== 'proposed' && session.status !== 'confirmed') {
    throw new TransitionRefusedError(`a ${session.status} session cannot be cancelled`);
  }
  if (session.status === 'confirmed' && (session.startsAt as Date).getTime() <= now.getTime()) {
    throw new TransitionRefusedError('the session has already started; record it as held or as a no-show');
  }
  return { ...session, status: 'cancelled', sequence: session.status === 'confirmed' ? session.sequence + 1 : session.sequence };
}

function refuseBeforeStart(session: SessionState, now: Date, step: string): void {
  if (session.status !== 'confirmed') throw new TransitionRefusedError(`only a confirmed session can be ${step}; this one is ${session.status}`);
  if ((session.startsAt as Date).getTime() > now.getTime()) throw new TransitionRefusedError(`a session can be ${step} only once it has started`);
}

export function complete(session: SessionState, now: Date): SessionState {
  refuseBeforeStart(session, now, 'recorded as held');
  return { ...session, status: 'completed' };
}

export function markNoShow(session: SessionState, _absent: NoShowParty, now: Date): SessionState {
  refuseBeforeStart(session, now, 'recorded as a no-show');
  return { ...session, status: 'no-show' };
}

/** Whether the session still holds a time in the two people's diaries. */
export function isBooked(status: SessionStatus): boolean {
  return status === 'confirmed';
}
