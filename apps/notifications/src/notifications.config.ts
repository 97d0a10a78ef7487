import { Equals, IsBoolean, IsEmail, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { ServiceConfig } from '@cmp/platform';
import { DEFAULT_NOTIFICATIONS_RETENTION } from './infrastructure/retention-policies';

/** Notifications' variables on top of the common ones; a bad value stops the start with its name. */
export class NotificationsConfig extends ServiceConfig {
  override readonly PORT: number = 3004;

  @IsString() @Length(1, 255) readonly SMTP_HOST: string = '127.0.0.1';
  @IsInt() @Min(1) @Max(65535) readonly SMTP_PORT: number = 2525;
  /** TLS from the start (465); otherwise STARTTLS when offered. */
  @IsBoolean() readonly SMTP_SECURE: boolean = false;
  @IsOptional() @IsString() readonly SMTP_USER?: string;
  @IsOptional() @IsString() readonly SMTP_PASSWORD?: string;
  /**
   * Send mail only over an encrypted connection: with SMTP_SECURE=false the relay must offer
   * STARTTLS or nothing is sent. Mail carries sign-in links, which are credentials, so it is on
   * in production and cannot be turned off there; elsewhere it is off unless set.
   */
  @IsOptional()
  @IsBoolean()
  @ValidateIf((config: NotificationsConfig) => config.NODE_ENV === 'production')
  @Equals(true, { message: 'SMTP_REQUIRE_TLS cannot be false when NODE_ENV is production: mail carries sign-in links' })
  readonly SMTP_REQUIRE_TLS?: boolean;
  /** Verify the SMTP server's certificate (turn off only for a local capture server). */
  @IsBoolean() readonly SMTP_TLS_VERIFY: boolean = true;
  @IsEmail({ require_tld: false }) readonly MAIL_FROM_ADDRESS: string = 'no-reply@cmp.localhost';
  @IsString() @Length(1, 100) readonly MAIL_FROM_NAME: string = 'Career Mentoring Programme';

  /** Allow plain-http webhook URLs (development and tests only). */
  @IsBoolean() readonly WEBHOOK_ALLOW_HTTP: boolean = false;
  /** Allow webhook URLs on loopback and private networks (development and tests only). */
  @IsBoolean() readonly WEBHOOK_ALLOW_PRIVATE_ADDRESSES: boolean = false;
  @IsInt() @Min(1) @Max(1000) readonly WEBHOOK_DISABLE_AFTER_FAILURES: number = 15;
  /** The longest one webhook attempt may take in all (connect, send, first bytes of the answer). */
  @IsInt() @Min(100) @Max(60_000) readonly WEBHOOK_TIMEOUT_MS: number = 10_000;
  /** The longest one mail may take to hand over to the SMTP server. */
  @IsInt() @Min(1000) @Max(300_000) readonly MAIL_SEND_DEADLINE_MS: number = 30_000;

  /** How often due mail, inbox and webhook rows are worked through. */
  @IsInt() @Min(100) @Max(600_000) readonly DELIVERY_POLL_INTERVAL_MS: number = 2_000;

  /** How long settled mail and in-app messages are kept (see `NotificationsRetention`). */
  @IsInt() @Min(1) @Max(3650) readonly MESSAGE_RETENTION_DAYS: number = DEFAULT_NOTIFICATIONS_RETENTION.messageRetentionDays;
  /** How long settled webhook deliveries and their attempts are kept. */
  @IsInt() @Min(1) @Max(3650) readonly WEBHOOK_LOG_RETENTION_DAYS: number = DEFAULT_NOTIFICATIONS_RETENTION.webhookLogRetentionDays;

  /** SMTP_REQUIRE_TLS as set, or on in production. */
  smtpRequiresTls(): boolean {
    return this.SMTP_REQUIRE_TLS ?? this.NODE_ENV === 'production';
  }
}
