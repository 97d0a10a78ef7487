import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { EMPLOYMENT_HOURS, EMPLOYMENT_TERMS, IsIscoCode, IsNaceCode, OUTCOME_STATUSES, OutcomeStatus } from '@cmp/contracts';
import { CODE_LISTS, QUESTION_TYPES, QuestionType } from '../../domain/surveys/survey-question';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `{ "answers": { "<questionId>": 4, "<questionId>": "text", "<questionId>": ["a", "b"] } }`. */
export class AnswerSurveyRequest {
  /** Each value's type is checked against its question by the survey itself. */
  @IsObject() readonly answers: Record<string, number | string | string[]>;
}

export class QuestionOptionRequest {
  @IsString() @Length(1, 50) @Matches(/^[a-z0-9-]+$/) readonly value: string;
  @IsString() @Length(1, 200) readonly label: string;
}

export class AskedIfRequest {
  @IsString() @Length(1, 50) readonly questionId: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) readonly anyOf: string[];
}

export class QuestionRequest {
  @IsString() @Length(1, 50) readonly id: string;
  @IsIn(QUESTION_TYPES) readonly type: QuestionType;
  @IsString() @Length(1, 500) readonly text: string;
  @IsBoolean() readonly required: boolean;
  @IsOptional() @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => QuestionOptionRequest) readonly options?: QuestionOptionRequest[];
  @IsOptional() @IsIn(CODE_LISTS) readonly codeList?: (typeof CODE_LISTS)[number];
  @IsOptional() @ValidateNested() @Type(() => AskedIfRequest) readonly askedIf?: AskedIfRequest;
}

export class SurveyVersionRequest {
  @IsString() @Length(1, 200) readonly title: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => QuestionRequest) readonly questions: QuestionRequest[];
}

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

export class ReportQuery {
  /** Comma-separated cohort ids; all cohorts when absent. */
  @IsOptional() @Matches(/^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36})*$/, { message: 'cohortIds must be comma-separated UUIDs' }) readonly cohortIds?: string;
}
