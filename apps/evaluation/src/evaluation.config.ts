import { Type } from 'class-transformer';
import { IsInt, IsString, IsUrl, Max, Min } from 'class-validator';
import { ServiceConfig } from '@cmp/platform';

export class EvaluationConfig extends ServiceConfig {
  /** Public base URL of survey links (the gateway's answer route); the token is appended. */
  @IsUrl({ require_protocol: true, require_tld: false, protocols: ['http', 'https'] }, { message: 'SURVEY_BASE_URL must be an http(s) URL' })
  readonly SURVEY_BASE_URL: string = 'http://localhost:3000/api/v1/surveys/answer';

  /** Days a survey link stays valid. */
  @Type(() => Number) @IsInt() @Min(1) @Max(365) readonly SURVEY_VALIDITY_DAYS: number = 28;

  /** Days after sending that an unanswered survey is reminded (once). */
  @Type(() => Number) @IsInt() @Min(1) @Max(365) readonly SURVEY_REMINDER_DAYS: number = 7;

  /** Requests per minute one client may make to the public answer routes. */
  @Type(() => Number) @IsInt() @Min(1) @Max(10000) readonly SURVEY_ANSWER_RATE_LIMIT: number = 30;

  /**
   * Which proxies' X-Forwarded-For to believe (Express "trust proxy"), so the answer routes' rate
   * limit counts each respondent rather than the gateway as one client.
   */
  @IsString() readonly TRUST_PROXY: string = 'loopback, linklocal, uniquelocal';

  /** How often the survey timers (mid-term surveys, reminders, expiry) look for due work. */
  @Type(() => Number) @IsInt() @Min(1000) readonly SURVEY_TIMER_INTERVAL_MS: number = 30_000;
}
