import type { LockoutPolicy } from '../domain/lockout-policy';
import type { UpstreamService } from '../domain/route-definition';

/** Everything the gateway's use cases are configured with (from `GatewayConfig`, or a test). */
export interface GatewaySettings {
  readonly jwtSecret: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  readonly sessionTtlSeconds: number;
  readonly signInLinkTtlSeconds: number;
  readonly signInLinkBaseUrl: string;
  /** Where users reach the gateway (`GATEWAY_PUBLIC_URL`), for absolute links in answers. */
  readonly publicUrl: string;
  readonly bootstrapAdmin?: { readonly email: string; readonly password: string };
  readonly upstreams: Readonly<Record<UpstreamService, string>>;
  readonly upstreamTimeoutMs: number;
  /** The Ed25519 private JWK (with `kid`) that signs every request forwarded to a service. */
  readonly hopSigningKey: string;
  readonly accountLockout: LockoutPolicy;
  readonly ipLockout: LockoutPolicy;
  /** HMAC key of the lock-out counters' keys (`SignInFailureKeys`); at least 32 characters. */
  readonly signInFailureSecret: string;
  /** How often expired lock-out counters are deleted; 0 stops the background sweep (tests call it). */
  readonly signInFailureSweepIntervalMs: number;
}

export const GATEWAY_SETTINGS = Symbol('GATEWAY_SETTINGS');
