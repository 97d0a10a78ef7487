import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { EMPLOYMENT_HOURS, EMPLOYMENT_TERMS, IsIscoCode, IsNaceCode, OUTCOME_STATUSES, OutcomeStatus } from '@cmp/contracts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class RecordOutcomeRequest {
  @IsUUID() readonly menteeId: string;
  @IsUUID() readonly cohortId: string;
  @IsIn(OUTCOME_STATUSES) readonly status: OutcomeStatus;
  @IsOptional() @IsIn(EMPLOYMENT_HOURS) readonly hours?: (typeof EMPLOYMENT_HOURS)[number];
  @IsOptional() @IsIn(EMPLOYMENT_TERMS) readonly terms?: (typeof EMPLOYMENT_TERMS)[number];
  @IsOptional() @IsNaceCode() readonly sector?: string;
  @IsOptional() @IsIscoCode() readonly occupation?: string;
  @IsOptional() @IsBoolean() readonly throughMentorNetwork?: boolean;
  @IsOptional() @Matches(DATE, { message: 'startedOn must be a date (YYYY-MM-DD)' }) readonly startedOn?: string;
  /** When the coordinator learnt it; defaults to today. */
  @IsOptional() @Matches(DATE, { message: 'reportedOn must be a date (YYYY-MM-DD)' }) readonly reportedOn?: string;
  /** How it was learnt, e.g. "phone call with the mentee". */
  @IsString() @Length(1, 500) readonly sourceNote: string;
}
