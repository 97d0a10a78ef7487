import { IsBoolean, IsDateString, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { Trim } from './normalise';

export class ScheduleCohortRequest {
  @Trim() @IsString() @Length(1, 200) readonly name: string;
  @IsDateString({ strict: true }) readonly startsOn: string;
  /** Defaults to four months after the start. */
  @IsOptional() @IsDateString({ strict: true }) readonly endsOn?: string;
  @IsDateString({ strict: true }) readonly applicationDeadline: string;
  @IsInt() @Min(1) @Max(1000) readonly capacity: number;
  @IsOptional() @IsBoolean() readonly excludeMentorsFromReferringOrganisation?: boolean;
}

export class ChangeCohortRequest {
  @IsOptional() @IsDateString({ strict: true }) readonly endsOn?: string;
  @IsOptional() @IsDateString({ strict: true }) readonly applicationDeadline?: string;
  @IsOptional() @IsInt() @Min(1) @Max(1000) readonly capacity?: number;
}
