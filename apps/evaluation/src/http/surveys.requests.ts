import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { CODE_LISTS, QUESTION_TYPES, QuestionType } from '../domain/surveys/survey-question';

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
