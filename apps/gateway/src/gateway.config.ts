import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { IsHopSigningKey, ServiceConfig, splitList } from '@cmp/platform';

const serviceUrl = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** The gateway's settings on top of the common ones; the secrets have no defaults on purpose. */
export class GatewayConfig extends ServiceConfig {
  /** HMAC key of the access tokens (HS256). At least 32 characters; rotate by restarting every instance. */
  @IsString({ message: 'GATEWAY_JWT_SECRET is required' })
  @MinLength(32, { message: 'GATEWAY_JWT_SECRET must be at least 32 characters' })
  readonly GATEWAY_JWT_SECRET: string;

  /**
   * HMAC key under which failed sign-ins are counted (the typed email and the client address are
   * stored only as keyed hashes). At least 32 characters; changing it only resets lock-outs.
   */
  @IsString({ message: 'GATEWAY_SIGN_IN_FAILURE_SECRET is required' })
  @MinLength(32, { message: 'GATEWAY_SIGN_IN_FAILURE_SECRET must be at least 32 characters' })
  readonly GATEWAY_SIGN_IN_FAILURE_SECRET: string;
  /** How often every instance deletes lock-out counters that no longer count. */
  @IsInt() @Min(1) @Max(86_400) readonly GATEWAY_SIGN_IN_FAILURE_SWEEP_INTERVAL_SECONDS: number = 300;

  /**
   * The Ed25519 private key, a JWK with a `kid`, that signs every request the gateway forwards
   * (hop tokens); services trust its public half (`CMP_HOP_PUBLIC_KEYS`). No default: without it
   * the gateway could reach no service. tools/start.sh makes one per installation in tmp/.
   */
  @IsHopSigningKey()
  readonly GATEWAY_HOP_SIGNING_KEY: string;

  @IsInt() @Min(60) @Max(3600) readonly GATEWAY_ACCESS_TOKEN_TTL_SECONDS: number = 900;
  @IsInt() @Min(300) readonly GATEWAY_REFRESH_TOKEN_TTL_SECONDS: number = 14 * 86_400;
  /** The absolute lifetime of a sign-in session, however often it is refreshed. */
  @IsInt() @Min(300) readonly GATEWAY_SESSION_TTL_SECONDS: number = 30 * 86_400;
  @IsInt() @Min(60) @Max(86_400) readonly GATEWAY_SIGN_IN_LINK_TTL_SECONDS: number = 900;
  /**
   * The gateway's address as its users reach it (behind a proxy: the proxy's), named in the API
   * document's `servers` and in the links mailed to people. Defaults to the gateway's own address
   * (`http://<HOST>:<PORT>`, loopback when it listens on every interface).
   */
  @IsOptional() @IsUrl(serviceUrl) readonly GATEWAY_PUBLIC_URL?: string;
  /**
   * The web client's page that redeems a link; the token is appended as a path segment. Defaults
   * to `<GATEWAY_PUBLIC_URL>/sign-in/link`: the gateway serves the console.
   */
  @IsOptional() @IsUrl(serviceUrl) readonly GATEWAY_SIGN_IN_LINK_BASE_URL?: string;

  /** The first admin, created at start-up when no account has this email. */
  @IsOptional() @IsEmail() readonly GATEWAY_BOOTSTRAP_ADMIN_EMAIL?: string;
  @ValidateIf((config: GatewayConfig) => config.GATEWAY_BOOTSTRAP_ADMIN_EMAIL !== undefined)
  @IsString({ message: 'GATEWAY_BOOTSTRAP_ADMIN_PASSWORD is required with GATEWAY_BOOTSTRAP_ADMIN_EMAIL' })
  @MinLength(12, { message: 'GATEWAY_BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters' })
  readonly GATEWAY_BOOTSTRAP_ADMIN_PASSWORD?: string;

  /** Web origins allowed by CORS, comma-separated. */
  @Transform(({ value }) => splitList(value))
  @IsUrl(serviceUrl, { each: true })
  readonly GATEWAY_CORS_ORIGINS: string[] = ['http://localhost:4200'];

  @Matches(/^\d+(b|kb|mb)$/, { message: 'GATEWAY_BODY_LIMIT must look like 100kb' }) readonly GATEWAY_BODY_LIMIT: string = '100kb';
  @IsInt() @Min(1) readonly GATEWAY_RATE_LIMIT_PER_MINUTE: number = 600;
  @IsInt() @Min(1) readonly GATEWAY_SIGN_IN_RATE_LIMIT_PER_MINUTE: number = 10;
  @IsInt() @Min(1) readonly GATEWAY_PUBLIC_LINK_RATE_LIMIT_PER_MINUTE: number = 30;
  /** Applications and mentor registrations per client address (a shared office or home network may send several). */
  @IsInt() @Min(1) readonly GATEWAY_SIGN_UP_RATE_LIMIT_PER_MINUTE: number = 20;
  /** Honour X-Forwarded-For from one proxy hop (set behind a load balancer only). */
  @IsBoolean()
  readonly GATEWAY_TRUST_PROXY: boolean = false;
  @IsInt() @Min(100) readonly GATEWAY_UPSTREAM_TIMEOUT_MS: number = 10_000;

  @IsUrl(serviceUrl) readonly ENROLMENT_URL: string = 'http://127.0.0.1:3001';
  @IsUrl(serviceUrl) readonly MATCHING_URL: string = 'http://127.0.0.1:3002';
  @IsUrl(serviceUrl) readonly SCHEDULING_URL: string = 'http://127.0.0.1:3003';
  @IsUrl(serviceUrl) readonly NOTIFICATIONS_URL: string = 'http://127.0.0.1:3004';
  @IsUrl(serviceUrl) readonly EVALUATION_URL: string = 'http://127.0.0.1:3005';
}
