import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';

/** A coordinator's matching run for a cohort finished: its proposals form a draft. */
export class MatchingRunCompletedData {
  @IsUUID() runId: string;
  @IsUUID() cohortId: string;
  /** Whether the run first maximised the worst pair's score. */
  @IsBoolean() fairness: boolean;
  @IsInt() @Min(0) proposals: number;
  @IsInt() @Min(0) unmatchedMentees: number;
  @IsNumber() totalScore: number;
}
export const MatchingRunCompleted = defineEvent('dk.cmp.matching.matching-run-completed.v1', MatchingRunCompletedData);

/** A pair proposed to the coordinator (by a run, a rematch or by hand); not yet a mentorship. */
export class MatchProposedData {
  @IsUUID() matchId: string;
  @IsUUID() cohortId: string;
  @IsUUID() menteeId: string;
  @IsUUID() mentorId: string;
  /** 0–100. */
  @IsNumber() score: number;
  @IsIn(['run', 'rematch', 'manual']) origin: 'run' | 'rematch' | 'manual';
  @IsOptional() @IsUUID() runId?: string;
}
export const MatchProposed = defineEvent('dk.cmp.matching.match-proposed.v1', MatchProposedData);

/** The coordinator turned a proposal down; the pair is never proposed again in this cohort. */
export class MatchRejectedData {
  @IsUUID() matchId: string;
  @IsUUID() cohortId: string;
  @IsUUID() menteeId: string;
  @IsUUID() mentorId: string;
  @IsString() @Length(1, 500) reason: string;
}
export const MatchRejected = defineEvent('dk.cmp.matching.match-rejected.v1', MatchRejectedData);

export const MATCH_END_REASONS = ['completed', 'withdrawn', 'rematched'] as const;
export type MatchEndReason = (typeof MATCH_END_REASONS)[number];

/** A confirmed mentorship ended. */
export class MatchEndedData {
  @IsUUID() matchId: string;
  @IsUUID() cohortId: string;
  @IsUUID() menteeId: string;
  @IsUUID() mentorId: string;
  @IsIn(MATCH_END_REASONS) reason: MatchEndReason;
}
export const MatchEnded = defineEvent('dk.cmp.matching.match-ended.v1', MatchEndedData);
