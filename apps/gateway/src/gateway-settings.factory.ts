import { kafkaSaslOf } from '@cmp/messaging';
import { serviceClock } from '@cmp/platform';
import { IP_LOCKOUT, ACCOUNT_LOCKOUT } from './domain/lockout-policy';
import { GatewayConfig } from './gateway.config';
import { GatewayModuleSettings } from './gateway.module';

/** Where users reach the gateway: `GATEWAY_PUBLIC_URL`, else its own listening address. */
export function gatewayPublicUrl(config: GatewayConfig): string {
  if (config.GATEWAY_PUBLIC_URL) return config.GATEWAY_PUBLIC_URL.replace(/\/$/, '');
  const everyInterface = config.HOST === '0.0.0.0' || config.HOST === '::';
  const host = everyInterface ? '127.0.0.1' : config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  return `http://${host}:${config.PORT}`;
}

/** Maps the validated environment onto the module's settings. */
export function gatewayModuleSettings(config: GatewayConfig): GatewayModuleSettings {
  return {
    databaseUrl: config.DATABASE_URL,
    brokers: config.KAFKA_BROKERS,
    sasl: kafkaSaslOf(config),
    clock: serviceClock(config),
    gateway: {
      jwtSecret: config.GATEWAY_JWT_SECRET,
      accessTokenTtlSeconds: config.GATEWAY_ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: config.GATEWAY_REFRESH_TOKEN_TTL_SECONDS,
      sessionTtlSeconds: config.GATEWAY_SESSION_TTL_SECONDS,
      signInLinkTtlSeconds: config.GATEWAY_SIGN_IN_LINK_TTL_SECONDS,
      signInLinkBaseUrl: config.GATEWAY_SIGN_IN_LINK_BASE_URL ?? `${gatewayPublicUrl(config)}/sign-in/link`,
      publicUrl: gatewayPublicUrl(config),
      bootstrapAdmin:
        config.GATEWAY_BOOTSTRAP_ADMIN_EMAIL && config.GATEWAY_BOOTSTRAP_ADMIN_PASSWORD
          ? { email: config.GATEWAY_BOOTSTRAP_ADMIN_EMAIL, password: config.GATEWAY_BOOTSTRAP_ADMIN_PASSWORD }
          : undefined,
      upstreams: {
        enrolment: config.ENROLMENT_URL,
        matching: config.MATCHING_URL,
        scheduling: config.SCHEDULING_URL,
        notifications: config.NOTIFICATIONS_URL,
        evaluation: config.EVALUATION_URL,
      },
      upstreamTimeoutMs: config.GATEWAY_UPSTREAM_TIMEOUT_MS,
      hopSigningKey: config.GATEWAY_HOP_SIGNING_KEY,
      accountLockout: ACCOUNT_LOCKOUT,
      ipLockout: IP_LOCKOUT,
      signInFailureSecret: config.GATEWAY_SIGN_IN_FAILURE_SECRET,
      signInFailureSweepIntervalMs: config.GATEWAY_SIGN_IN_FAILURE_SWEEP_INTERVAL_SECONDS * 1000,
    },
    rateLimits: {
      perMinute: config.GATEWAY_RATE_LIMIT_PER_MINUTE,
      signInPerMinute: config.GATEWAY_SIGN_IN_RATE_LIMIT_PER_MINUTE,
      publicLinkPerMinute: config.GATEWAY_PUBLIC_LINK_RATE_LIMIT_PER_MINUTE,
      signUpPerMinute: config.GATEWAY_SIGN_UP_RATE_LIMIT_PER_MINUTE,
    },
  };
}
