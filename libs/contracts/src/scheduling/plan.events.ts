import { IsArray, IsDateString, IsIn, IsInt, IsUUID, Min } from 'class-validator';
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
