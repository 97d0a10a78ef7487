import type { Run, RunStatus, UnmatchedMentee } from '../application/runs/run.repository';
import type { RunWithDraft } from '../application/runs/run-queries';
import type { ScoringWeights } from '../domain/scoring';
import { MatchResponse, matchResponse } from './matches.responses';

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
