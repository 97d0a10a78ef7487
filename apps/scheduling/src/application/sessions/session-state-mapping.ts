import { SessionState } from '../../domain/session';
import { TimeSlot } from '../../domain/time-slot';
import { SessionEntity, StoredSlot } from '../../infrastructure/entities/session.entity';

export const toSlot = (slot: StoredSlot): TimeSlot => ({ startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt) });
export const toStoredSlot = (slot: TimeSlot): StoredSlot => ({ startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() });

export function stateOf(session: SessionEntity): SessionState {
  return {
    status: session.status,
    proposedBy: session.proposedBy,
    slots: session.slots.map(toSlot),
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    sequence: session.sequence,
  };
}

/** Copies a transition's outcome onto the row. */
export function applyState(session: SessionEntity, state: SessionState, now: Date): void {
  Object.assign(session, {
    status: state.status,
    slots: state.slots.map(toStoredSlot),
    startsAt: state.startsAt,
    endsAt: state.endsAt,
    sequence: state.sequence,
    updatedAt: now,
  });
}
