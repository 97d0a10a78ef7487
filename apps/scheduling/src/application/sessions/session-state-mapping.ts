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

/** What a session is apart from the part its life-cycle rules decide. */
type SessionApartFromState = Omit<Session, keyof SessionState | 'updatedAt'>;

/** The session after a transition: the rules' outcome copied onto it. */
export function withState(session: SessionApartFromState, state: SessionState, now: Date): Session {
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
