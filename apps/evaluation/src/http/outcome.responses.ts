import { Outcome, CohortOutcome } from '../application/outcomes/outcome.repository';

/** The outcome as recorded, as this route has always answered it. */
export function recordedOutcomeResponse(outcome: Outcome) {
  return {
    id: outcome.id,
    personKey: outcome.personKey,
    cohortId: outcome.cohortId,
    status: outcome.status,
    hours: outcome.hours,
    terms: outcome.terms,
    sector: outcome.sector,
    occupation: outcome.occupation,
    throughMentorNetwork: outcome.throughMentorNetwork,
    startedOn: outcome.startedOn,
    reportedOn: outcome.reportedOn,
    source: outcome.source,
    sourceNote: outcome.sourceNote,
    followUpMonths: outcome.followUpMonths,
    invitationId: outcome.invitationId,
    recordedAt: outcome.recordedAt.toISOString(),
    recordedBy: outcome.recordedBy,
  };
}

export function cohortOutcomeResponse(outcome: CohortOutcome) {
  return {
    id: outcome.id,
    menteeId: outcome.menteeId,
    status: outcome.status,
    hours: outcome.hours,
    terms: outcome.terms,
    sector: outcome.sector,
    occupation: outcome.occupation,
    throughMentorNetwork: outcome.throughMentorNetwork,
    startedOn: outcome.startedOn,
    reportedOn: outcome.reportedOn,
    source: outcome.source,
    sourceNote: outcome.sourceNote,
    followUpMonths: outcome.followUpMonths,
    recordedAt: outcome.recordedAt.toISOString(),
    recordedBy: outcome.recordedBy,
  };
}
