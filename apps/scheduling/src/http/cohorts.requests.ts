import { IsInt, Max, Min } from 'class-validator';
import { RHYTHM_LIMITS } from '../domain/programme-rhythm';

export class RhythmRequest {
  @IsInt() @Min(RHYTHM_LIMITS.kickOffWithinDays.min) @Max(RHYTHM_LIMITS.kickOffWithinDays.max) readonly kickOffWithinDays: number;
  @IsInt() @Min(RHYTHM_LIMITS.intervalDays.min) @Max(RHYTHM_LIMITS.intervalDays.max) readonly intervalDays: number;
  @IsInt() @Min(RHYTHM_LIMITS.sessionMinutes.min) @Max(RHYTHM_LIMITS.sessionMinutes.max) readonly sessionMinutes: number;
}
