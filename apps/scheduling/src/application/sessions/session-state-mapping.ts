import { SessionState } from '../../domain/session';
import { TimeSlot } from '../../domain/time-slot';
import { Session, StoredSlot } from './session.repository';

export const toSlot = (slot: StoredSlot): TimeSlot => ({ startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt) });
export const toStoredSlot = (slot: TimeSlot): StoredSlot => ({ startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() });

export function stateOf(session: Session): SessionState {
  return {
    status: session.status,
    proposedBy: session.proposedBy,
    slots: session.slots.map(toSlot),
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    sequence: session.sequence,
  };
}

/** The session after a transition: the rules' outcome copied onto it. */
export function withState<T extends Omit<Session, keyof SessionState | 'slots' | 'updatedAt'>>(session: T, state: SessionState, now: Date): T & Session {
  return {
    ...session,
    status: state.status,
    proposedBy: state.proposedBy,
    slots: state.slots.map(toStoredSlot),
    startsAt: state.startsAt,
    endsAt: state.endsAt,
    sequence: state.sequence,
    updatedAt: now,
  };
}
