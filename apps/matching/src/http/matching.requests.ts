import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min, ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { MATCH_END_REASONS, MatchEndReason } from '@cmp/contracts';
import { MATCH_STATUSES, MatchStatus } from '../application/matches/match.repository';

export class WeightsRequest {
  @IsNumber() @Min(0) @Max(100) readonly occupation: number;
  @IsNumber() @Min(0) @Max(100) readonly industry: number;
  @IsNumber() @Min(0) @Max(100) readonly languages: number;
  @IsNumber() @Min(0) @Max(100) readonly skills: number;
  @IsNumber() @Min(0) @Max(100) readonly experience: number;
  @IsNumber() @Min(0) @Max(100) readonly availability: number;
  @IsNumber() @Min(0) @Max(100) readonly location: number;
  @IsNumber() @Min(0) @Max(100) readonly preferences: number;
}

export class StartRunRequest {
  @IsOptional() @IsBoolean() readonly fairness?: boolean;
  @IsOptional() @ValidateNested() @Type(() => WeightsRequest) readonly weights?: WeightsRequest;
}

export class ConfirmRequest {
  /** Omit to confirm every open proposal of the run. */
  @IsOptional() @IsArray() @ArrayMaxSize(5000) @IsUUID('all', { each: true }) readonly matchIds?: string[];
}

export class RejectRequest {
  @IsString() @Length(1, 500) readonly reason: string;
}

export class SetPairRequest {
  @IsUUID() readonly menteeId: string;
  @IsUUID() readonly mentorId: string;
}

export class EndMatchRequest {
  @IsIn(MATCH_END_REASONS) readonly reason: MatchEndReason;
}

export class MatchListQuery {
  @IsOptional() @IsIn(MATCH_STATUSES) readonly status?: MatchStatus;
}
