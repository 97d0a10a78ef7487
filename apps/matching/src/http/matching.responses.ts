import type { Cohort } from '../application/cohorts/cohort.repository';
import type { Match, MatchOrigin, MatchStatus } from '../application/matches/match.repository';
import type { Run, RunStatus, UnmatchedMentee } from '../application/runs/run.repository';
import type { RunWithDraft } from '../application/runs/run-queries';
import type { ScoringWeights } from '../domain/scoring';

export interface MatchResponse {
  readonly id: string;
  readonly cohortId: string;
  readonly runId: string | null;
  readonly menteeId: string;
  readonly mentorId: string;
  readonly score: number;
  /** Per criterion: how the pair scored and why. */
  readonly explanation: object;
  readonly origin: MatchOrigin;
  readonly status: MatchStatus;
  readonly reason: string | null;
  readonly proposedAt: string;
  readonly decidedAt: string | null;
}

export interface StartedRunResponse {
  readonly runId: string;
  readonly status: RunStatus;
}

export interface RunResponse {
  readonly id: string;
  readonly cohortId: string;
  readonly status: RunStatus;
  readonly fairness: boolean;
  readonly progress: number;
  readonly weights: ScoringWeights;
  readonly totalScore: number | null;
  readonly unmatched: readonly UnmatchedMentee[] | null;
  readonly error: string | null;
  readonly requestedBy: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  /** The draft, once the run completed; empty before. */
  readonly proposals: readonly MatchResponse[];
}

export interface CohortResponse {
  readonly id: string;
  readonly name: string;
  readonly excludeMentorsFromReferringOrganisation: boolean;
  readonly weights: ScoringWeights | null;
}

export function matchResponse(match: Match): MatchResponse {
  return {
    id: match.id,
    cohortId: match.cohortId,
    runId: match.runId,
    menteeId: match.menteeId,
    mentorId: match.mentorId,
    score: match.score,
    explanation: match.explanation,
    origin: match.origin,
    status: match.status,
    reason: match.reason,
    proposedAt: match.proposedAt.toISOString(),
    decidedAt: match.decidedAt?.toISOString() ?? null,
  };
}

export function startedRunResponse(run: Run): StartedRunResponse {
  return { runId: run.id, status: run.status };
}

export function runResponse(run: RunWithDraft): RunResponse {
  return {
    id: run.id,
    cohortId: run.cohortId,
    status: run.status,
    fairness: run.fairness,
    progress: run.progress,
    weights: run.weights,
    totalScore: run.totalScore,
    unmatched: run.unmatched,
    error: run.error,
    requestedBy: run.requestedBy,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    proposals: run.proposals.map(matchResponse),
  };
}

export function cohortResponse(cohort: Cohort): CohortResponse {
  return { id: cohort.id, name: cohort.name, excludeMentorsFromReferringOrganisation: cohort.excludeMentorsFromReferringOrganisation, weights: cohort.weights };
}
