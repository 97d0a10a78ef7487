import { IsBoolean, IsDateString, IsIn, IsOptional, IsUUID } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';
import { IsIscoCode, IsNaceCode } from '../reference';

export const OUTCOME_STATUSES = [
  'employed',
  'internship',
  'own-company',
  'in-education',
  'unemployed',
  'left-denmark',
  'no-answer',
] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

export const EMPLOYMENT_HOURS = ['full-time', 'part-time'] as const;
export const EMPLOYMENT_TERMS = ['permanent', 'temporary'] as const;

export const OUTCOME_SOURCES = ['survey', 'coordinator'] as const;
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number];

/**
 * A mentee's employment status as learnt at a follow-up (or by a coordinator another way).
 * Partners receive it only for their own referred mentees who consented to share outcomes.
 */
export class OutcomeRecordedData {
  @IsUUID() outcomeId: string;
  @IsUUID() menteeId: string;
  @IsUUID() cohortId: string;
  @IsIn(OUTCOME_STATUSES) status: OutcomeStatus;
  @IsOptional() @IsIn(EMPLOYMENT_HOURS) hours?: (typeof EMPLOYMENT_HOURS)[number];
  @IsOptional() @IsIn(EMPLOYMENT_TERMS) terms?: (typeof EMPLOYMENT_TERMS)[number];
  /** NACE Rev. 2 code of the employer's sector. */
  @IsOptional() @IsNaceCode() sector?: string;
  /** ISCO-08 code of the occupation. */
  @IsOptional() @IsIscoCode() occupation?: string;
  @IsOptional() @IsBoolean() throughMentorNetwork?: boolean;
  /** The date the job, internship, company or education started. */
  @IsOptional() @IsDateString({ strict: true }) startedOn?: string;
  @IsIn(OUTCOME_SOURCES) source: OutcomeSource;
  @IsDateString() recordedAt: string;
}
export const OutcomeRecorded = defineEvent('dk.cmp.evaluation.outcome-recorded.v1', OutcomeRecordedData);
