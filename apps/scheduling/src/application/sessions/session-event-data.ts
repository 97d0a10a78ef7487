import { SessionConfirmedData, SessionPartiesData, SessionVenueData } from '@cmp/contracts';
import { Session } from './session.repository';

/** The fields that leave the service about a session: ids, times and venue; never the log's text. */
export function partiesOf(session: Session): SessionPartiesData {
  return { sessionId: session.id, matchId: session.matchId, cohortId: session.cohortId, menteeId: session.menteeId, mentorId: session.mentorId };
}

export function venueDataOf(session: Session): SessionVenueData {
  return {
    ...partiesOf(session),
    mode: session.mode,
    ...(session.place ? { place: session.place } : {}),
    ...(session.link ? { link: session.link } : {}),
    ...(session.theme ? { theme: session.theme } : {}),
  };
}

export function confirmedDataOf(session: Session): SessionConfirmedData {
  return {
    ...venueDataOf(session),
    startsAt: (session.startsAt as Date).toISOString(),
    endsAt: (session.endsAt as Date).toISOString(),
    sequence: session.sequence,
  };
}
