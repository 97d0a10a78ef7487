import { IsOptional, Matches } from 'class-validator';

export class ReportQuery {
  /** Comma-separated cohort ids; all cohorts when absent. */
  @IsOptional() @Matches(/^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36})*$/, { message: 'cohortIds must be comma-separated UUIDs' }) readonly cohortIds?: string;
}
