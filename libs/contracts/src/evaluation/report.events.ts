import { IsDateString, IsInt, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';

/** A coordinator published a cohort's KPI report (anonymous aggregates only). */
export class CohortReportPublishedData {
  @IsUUID() reportId: string;
  @IsUUID() cohortId: string;
  @IsInt() @Min(0) participants: number;
  @IsInt() @Min(0) completed: number;
  /** The headline: share (0–1) of completers employed within six months of completing. */
  @IsOptional() @IsNumber() @Min(0) @Max(1) employedWithinSixMonthsShare?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(1) stillUnemployedShare?: number;
  @IsDateString() publishedAt: string;
}
export const CohortReportPublished = defineEvent('dk.cmp.evaluation.cohort-report-published.v1', CohortReportPublishedData);
