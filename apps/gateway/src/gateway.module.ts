import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { KafkaSasl, ServiceInfrastructureModule } from '@cmp/messaging';
import { Clock } from '@cmp/platform';
import { RequestAccess } from './application/access/request-access';
import { EnrolmentAccounts } from './application/accounts/enrolment-accounts';
import { StaffAccounts } from './application/accounts/staff-accounts';
import { PartnerKeys } from './application/api-keys/partner-keys';
import { ForwardRequest } from './application/forwarding/forward-request';
import { GATEWAY_SETTINGS, GatewaySettings } from './application/gateway-settings';
import { ServiceHealth } from './application/health/service-health';
import { IdempotentRequests } from './application/idempotency/idempotent-requests';
import { MentorshipProjector } from './application/mentorships/mentorship-projector';
import { SessionTokens } from './application/sessions/session-tokens';
import { PasswordSignIn } from './application/sign-in/password-sign-in';
import { SignInAttempts } from './application/sign-in/sign-in-attempts';
import { SignInFailureRetention } from './application/sign-in/sign-in-failure-retention';
import { SignInLinks } from './application/sign-in/sign-in-links';
import { RouteDefinition, RateLimitClass } from './domain/route-definition';
import { RouteMatcher } from './domain/route-matcher';
import { SignInFailureKeys } from './domain/sign-in-failure-keys';
import { AccessGuard } from './http/access.guard';
import { AccountsController } from './http/accounts.controller';
import { AuthController } from './http/auth.controller';
import { GatewayRequest, routeOf } from './http/gateway-request';
import { GatewayThrottlerGuard } from './http/gateway-throttler.guard';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { PartnerKeysController } from './http/partner-keys.controller';
import { ProxyController } from './http/proxy.controller';
import { SystemHealthController } from './http/system-health.controller';
import { ProgrammeEventsConsumer } from './infrastructure/consumers/programme-events.consumer';
import { GATEWAY_ENTITIES } from './infrastructure/entities/gateway.entities';
import { CreateGatewayTables1764180000000 } from './infrastructure/migrations/1764180000000-create-gateway-tables';
import { NotifySessionRevocations1764200000000 } from './infrastructure/migrations/1764200000000-notify-session-revocations';
import { KeySignInFailuresByHmac1764310000000 } from './infrastructure/migrations/1764310000000-key-sign-in-failures-by-hmac';
import { CreateIdempotentRequests1764400000000 } from './infrastructure/migrations/1764400000000-create-idempotent-requests';
import { OpenSessions } from './infrastructure/open-sessions';
import { PasswordHasher } from './infrastructure/password-hasher';
import { UpstreamClient } from './infrastructure/upstream-client';
import { ROUTE_TABLE } from './routes/route-table';

export const GATEWAY_SERVICE = 'gateway';

/** Requests per minute and client address: overall, and for the stricter route classes. */
export interface RateLimits {
  readonly perMinute: number;
  readonly signInPerMinute: number;
  readonly publicLinkPerMinute: number;
  readonly signUpPerMinute: number;
}

export interface GatewayModuleSettings {
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  /** The service's own Kafka principal. */
  readonly sasl?: KafkaSasl;
  readonly schema?: string;
  readonly clock?: Clock;
  readonly gateway: GatewaySettings;
  readonly rateLimits: RateLimits;
  /** The public API; tests may add routes to prove the matrix covers them. */
  readonly routes?: readonly RouteDefinition[];
}

@Module({})
export class GatewayModule {
  static forRoot(settings: GatewayModuleSettings): DynamicModule {
    const schema = settings.schema ?? GATEWAY_SERVICE;
    const matcher = new RouteMatcher(settings.routes ?? ROUTE_TABLE);
    const onlyFor = (limitClass: RateLimitClass) => (context: { switchToHttp(): { getRequest<T>(): T } }) => {
      const lookup = routeOf(matcher, context.switchToHttp().getRequest<GatewayRequest>());
      return !(lookup?.found && lookup.match.route.rateLimit === limitClass);
    };
    return {
      module: GatewayModule,
      imports: [
        ServiceInfrastructureModule.forService({
          service: GATEWAY_SERVICE,
          schema,
          databaseUrl: settings.databaseUrl,
          brokers: settings.brokers,
          sasl: settings.sasl,
          entities: GATEWAY_ENTITIES,
          migrations: [CreateGatewayTables1764180000000, NotifySessionRevocations1764200000000, KeySignInFailuresByHmac1764310000000, CreateIdempotentRequests1764400000000],
          clock: settings.clock,
        }),
        // In memory per instance: these limits shed floods; the lock-out that must hold across
        // instances and restarts is the persisted one in SignInAttempts.
        ThrottlerModule.forRoot({
          throttlers: [
            { name: 'default', ttl: 60_000, limit: settings.rateLimits.perMinute },
            { name: 'sign-in', ttl: 60_000, limit: settings.rateLimits.signInPerMinute, skipIf: onlyFor('sign-in') },
            { name: 'public-link', ttl: 60_000, limit: settings.rateLimits.publicLinkPerMinute, skipIf: onlyFor('public-link') },
            { name: 'sign-up', ttl: 60_000, limit: settings.rateLimits.signUpPerMinute, skipIf: onlyFor('sign-up') },
          ],
        }),
      ],
      // The proxy comes last: Express tries routes in registration order.
      controllers: [SystemHealthController, AuthController, AccountsController, PartnerKeysController, ProgrammeEventsConsumer, ProxyController],
      providers: [
        { provide: GATEWAY_SETTINGS, useValue: settings.gateway },
        { provide: RouteMatcher, useValue: matcher },
        // Guards run in this order: shed floods before spending a database read on a credential.
        { provide: APP_GUARD, useClass: GatewayThrottlerGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        // After both guards: only an authorised request is remembered, under the caller it was authorised as.
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        IdempotentRequests,
        PasswordHasher,
        UpstreamClient,
        OpenSessions,
        SessionTokens,
        { provide: SignInFailureKeys, useValue: new SignInFailureKeys(settings.gateway.signInFailureSecret) },
        SignInAttempts,
        SignInFailureRetention,
        PasswordSignIn,
        SignInLinks,
        StaffAccounts,
        EnrolmentAccounts,
        PartnerKeys,
        RequestAccess,
        ForwardRequest,
        ServiceHealth,
        MentorshipProjector,
      ],
    };
  }
}
