import { SessionParticipant } from '@cmp/contracts';
import { Availability, slotFitsAvailability } from './availability';
import { InvalidScheduleError, OverlappingSessionError } from './scheduling-error';
import { firstOverlap, TimeSlot } from './time-slot';

export interface BookedSession extends TimeSlot {
  readonly id: string;
}

/** What the rules need to know about one of the pair. */
export interface PartyCalendar {
  readonly role: SessionParticipant;
  readonly availability: Availability;
  /** The person's other confirmed sessions, in any of their mentorships. */
  readonly booked: readonly BookedSession[];
}

/**
 * A slot is schedulable when it lies inside both people's weekly availability and overlaps no
 * other confirmed session of either of them (a mentor may have up to three mentees).
 */
export function refuseUnschedulable(slot: TimeSlot, parties: readonly PartyCalendar[]): void {
  for (const party of parties) {
    if (!slotFitsAvailability(slot, party.availability)) {
      throw new InvalidScheduleError(`${slot.startsAt.toISOString()} is outside the ${party.role}'s availability`, {
        startsAt: slot.startsAt.toISOString(),
        party: party.role,
      });
    }
  }
  for (const party of parties) {
    const clash = firstOverlap(slot, party.booked);
    if (clash) throw new OverlappingSessionError(party.role, clash.id, clash.startsAt);
  }
}
