import { IsArray, IsDateString, IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';
import { Nested } from '../enrolment/profile-facts';

/** The suggested themes of the Danish job-search playbook the default plan follows. */
export const SESSION_THEMES = [
  'kick-off',
  'cv-and-linkedin',
  'labour-market-and-strategy',
  'applications',
  'interview-training',
  'networking',
  'mid-term-review',
  'closing-and-next-steps',
] as const;
export type SessionTheme = (typeof SESSION_THEMES)[number];

export class PlannedSession {
  /** 1 for the kick-off. */
  @IsInt() @Min(1) number: number;
  @IsIn(SESSION_THEMES) theme: SessionTheme;
  /** Suggested date (Europe/Copenhagen); the pair proposes the actual time. */
  @IsDateString({ strict: true }) suggestedOn: string;
  /**
   * When the pair share a weekly availability window: that window's start on `suggestedOn`, as a
   * UTC instant (the Copenhagen wall-clock time stays the same across daylight-saving changes).
   */
  @IsOptional() @IsDateString() suggestedStartsAt?: string;
  /** End of the suggested time, UTC. */
  @IsOptional() @IsDateString() suggestedEndsAt?: string;
}

/** A confirmed match got its four-month plan. */
export class PlanCreatedData {
  @IsUUID() planId: string;
  @IsUUID() matchId: string;
  @IsUUID() cohortId: string;
  @IsUUID() menteeId: string;
  @IsUUID() mentorId: string;
  /** First and last day of the programme (dates, Europe/Copenhagen). */
  @IsDateString({ strict: true }) startsOn: string;
  @IsDateString({ strict: true }) endsOn: string;
  @IsArray() @Nested(() => PlannedSession, { each: true }) sessions: PlannedSession[];
}
export const PlanCreated = defineEvent('dk.cmp.scheduling.plan-created.v1', PlanCreatedData);

/**
 * A plan's dates moved: the match was confirmed before its cohort's dates were known, so the plan
 * first ran from the confirmation date and now follows the cohort. Same shape as PlanCreated;
 * a consumer replaces what it holds for `planId`.
 */
export class PlanUpdatedData extends PlanCreatedData {}
export const PlanUpdated = defineEvent('dk.cmp.scheduling.plan-updated.v1', PlanUpdatedData);
