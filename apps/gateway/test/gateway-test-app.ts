import { CloudEventsKafkaServer, connectEventConsumer } from '@cmp/messaging';
import { createServiceTestApp, ScratchSchema, ServiceTestApp, testHopKeys } from '@cmp/testing';
import { GatewaySettings } from '../src/application/gateway-settings';
import { ACCOUNT_LOCKOUT, IP_LOCKOUT } from '../src/domain/lockout-policy';
import { RouteDefinition, UpstreamService } from '../src/domain/route-definition';
import { GatewayModule, RateLimits } from '../src/gateway.module';
import { configureGatewayApp } from '../src/http/configure-gateway-app';
import { ServiceDocumentCatalogue } from '../src/infrastructure/service-documents';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
export const TEST_SIGN_IN_FAILURE_SECRET = 'test-secret-for-the-sign-in-failure-keys-0123456789';
export const BOOTSTRAP_ADMIN = { email: 'admin@cmp.test', password: 'correct horse battery staple' };
export const WEB_ORIGIN = 'https://console.cmp.test';
export const TEST_PUBLIC_URL = 'https://api.cmp.test';

export interface GatewayTestOptions {
  readonly upstreams: Record<UpstreamService, string>;
  readonly now?: Date;
  readonly rateLimits?: Partial<RateLimits>;
  readonly gateway?: Partial<GatewaySettings>;
  readonly bodyLimit?: string;
  /** Runs as a second instance on another test app's schema (which that app drops). */
  readonly sharedSchema?: ScratchSchema;
  /** Asks services without a document again every 200 ms, as the gateway does every few seconds. */
  readonly keepServiceDocumentsFresh?: boolean;
  /** Replaces the route table (to try a route class no service uses yet). */
  readonly routes?: readonly RouteDefinition[];
}

export type GatewayTestApp = ServiceTestApp<CloudEventsKafkaServer>;

/**
 * The real gateway (HTTP edge, outbox relay, event consumer) on a scratch schema of the test
 * database and the test broker, in front of the given service URLs.
 */
export async function startGateway(options: GatewayTestOptions): Promise<GatewayTestApp> {
  const serviceDocuments = await ServiceDocumentCatalogue.create(options.upstreams, options.gateway?.hopSigningKey ?? testHopKeys().signingKey, { timeoutMs: 2000, retryMs: 200 });
  try {
    await serviceDocuments.refresh();
    if (options.keepServiceDocumentsFresh) serviceDocuments.keepFresh();
    const service = await createServiceTestApp({
      service: 'gateway',
      // The clock stands still at the start unless the test moves it, so token lifetimes are exact.
      now: options.now ?? new Date(),
      ...(options.sharedSchema ? { schema: options.sharedSchema } : {}),
      module: (wiring) =>
        GatewayModule.forRoot({
          ...wiring,
          gateway: {
            jwtSecret: TEST_JWT_SECRET,
            accessTokenTtlSeconds: 900,
            refreshTokenTtlSeconds: 14 * 86_400,
            sessionTtlSeconds: 30 * 86_400,
            signInLinkTtlSeconds: 900,
            signInLinkBaseUrl: 'https://cmp.test/sign-in/link',
            publicUrl: TEST_PUBLIC_URL,
            bootstrapAdmin: BOOTSTRAP_ADMIN,
            upstreams: options.upstreams,
            upstreamTimeoutMs: 5000,
            hopSigningKey: testHopKeys().signingKey,
            accountLockout: ACCOUNT_LOCKOUT,
            ipLockout: IP_LOCKOUT,
            signInFailureSecret: TEST_SIGN_IN_FAILURE_SECRET,
            // Tests delete expired counters themselves, at the instant they choose.
            signInFailureSweepIntervalMs: 0,
            ...options.gateway,
          },
          rateLimits: { perMinute: 100_000, signInPerMinute: 100_000, publicLinkPerMinute: 100_000, signUpPerMinute: 100_000, ...options.rateLimits },
          routes: options.routes,
        }),
      authentication: 'edge',
      // The gateway installs its own body parser, with its own limit.
      jsonBody: 'installed-by-caller',
      configure: (app) =>
        configureGatewayApp(app, {
          corsOrigins: [WEB_ORIGIN],
          bodyLimit: options.bodyLimit ?? '100kb',
          trustProxy: false,
          routes: options.routes,
          serviceDocuments,
          publicUrl: TEST_PUBLIC_URL,
        }),
      consume: connectEventConsumer,
    });
    return {
      ...service,
      close: async () => {
        serviceDocuments.stop();
        await service.close();
      },
    };
  } catch (error) {
    serviceDocuments.stop();
    throw error;
  }
}
