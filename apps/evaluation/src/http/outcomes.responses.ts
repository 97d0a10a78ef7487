import { ReportedOutcome } from '../domain/surveys/follow-up-outcome';
import { CohortOutcome, Outcome } from '../application/outcomes/outcome.repository';

function reportedFacts(outcome: ReportedOutcome) {
  return {
    status: outcome.status,
    hours: outcome.hours,
    terms: outcome.terms,
    sector: outcome.sector,
    occupation: outcome.occupation,
    throughMentorNetwork: outcome.throughMentorNetwork,
    startedOn: outcome.startedOn,
  };
}

/** The outcome as recorded, field for field as this route has always answered it. */
export function recordedOutcomeResponse(outcome: Outcome) {
  return {
    id: outcome.id,
    personKey: outcome.personKey,
    cohortId: outcome.cohortId,
    ...reportedFacts(outcome),
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
    ...reportedFacts(outcome),
    reportedOn: outcome.reportedOn,
    source: outcome.source,
    sourceNote: outcome.sourceNote,
    followUpMonths: outcome.followUpMonths,
    recordedAt: outcome.recordedAt.toISOString(),
    recordedBy: outcome.recordedBy,
  };
}
