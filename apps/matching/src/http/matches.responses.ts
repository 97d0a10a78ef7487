import type { Match, MatchOrigin, MatchStatus } from '../application/matches/match.repository';

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
