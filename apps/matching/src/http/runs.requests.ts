import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { WeightsRequest } from './cohorts.requests';

export class StartRunRequest {
  @IsOptional() @IsBoolean() readonly fairness?: boolean;
  @IsOptional() @ValidateNested() @Type(() => WeightsRequest) readonly weights?: WeightsRequest;
}

export class ConfirmRequest {
  /** Omit to confirm every open proposal of the run. */
  @IsOptional() @IsArray() @ArrayMaxSize(5000) @IsUUID('all', { each: true }) readonly matchIds?: string[];
}
