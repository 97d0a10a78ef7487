import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ServiceConfig } from '@cmp/platform';

export class SchedulingConfig extends ServiceConfig {
  /** How often this instance polls for due timers; every instance polls, SKIP LOCKED shares the work. */
  @Type(() => Number)
  @IsInt({ message: 'TIMER_POLL_INTERVAL_MS must be a whole number of milliseconds' })
  @Min(100)
  @Max(600_000)
  readonly TIMER_POLL_INTERVAL_MS: number = 5_000;
}
