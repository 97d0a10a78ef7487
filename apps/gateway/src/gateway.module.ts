import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@cmp/kernel';
import { KafkaSasl, Outbox, ServiceInfrastructureModule, TypeOrmUnitOfWork } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { RequestAccess } from './application/access/request-access';
import { AccountRepository } from './application/accounts/account.repository';
import { EnrolmentAccounts } from './application/accounts/enrolment-accounts';
import { PasswordHasher } from './application/accounts/password-hasher';
import { StaffAccounts } from './application/accounts/staff-accounts';
import { ApiKeyRepository } from './application/api-keys/api-key.repository';
import { PartnerKeys } from './application/api-keys/partner-keys';
import { ForwardRequest } from './application/forwarding/forward-request';
import { UpstreamClient } from './application/forwarding/upstream-client';
import { GATEWAY_SETTINGS, GatewaySettings } from './application/gateway-settings';
import { ServiceHealth } from './application/health/service-health';
import { IdempotentRequestRepository } from './application/idempotency/idempotent-request.repository';
import { IdempotentRequests } from './application/idempotency/idempotent-requests';
import { MentorshipProjector } from './application/mentorships/mentorship-projector';
import { MentorshipRepository } from './application/mentorships/mentorship.repository';
import { OpenSessions } from './application/sessions/open-sessions';
import { SessionTokens } from './application/sessions/session-tokens';
import { SessionRepository } from './application/sessions/session.repository';
import { PasswordSignIn } from './application/sign-in/password-sign-in';
import { SignInAttempts } from './application/sign-in/sign-in-attempts';
import { SignInFailureRepository } from './application/sign-in/sign-in-failure.repository';
import { SignInFailureRetention } from './application/sign-in/sign-in-failure-retention';
import { SignInLinkRepository } from './application/sign-in/sign-in-link.repository';
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
import { ListeningOpenSessions } from './infrastructure/open-sessions';
import { Argon2PasswordHasher } from './infrastructure/password-hasher';
import { TypeOrmAccountRepository } from './infrastructure/repositories/typeorm-account.repository';
import { TypeOrmApiKeyRepository } from './infrastructure/repositories/typeorm-api-key.repository';
import { TypeOrmIdempotentRequestRepository } from './infrastructure/repositories/typeorm-idempotent-request.repository';
import { TypeOrmMentorshipRepository } from './infrastructure/repositories/typeorm-mentorship.repository';
import { TypeOrmSessionRepository } from './infrastructure/repositories/typeorm-session.repository';
import { TypeOrmSignInFailureRepository } from './infrastructure/repositories/typeorm-sign-in-failure.repository';
import { TypeOrmSignInLinkRepository } from './infrastructure/repositories/typeorm-sign-in-link.repository';
import { HttpUpstreamClient } from './infrastructure/upstream-client';
import { CreateIdempotentRequests1764400000000 } from './infrastructure/migrations/1764400000000-create-idempotent-requests';
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
        { provide: IdempotentRequestRepository, useClass: TypeOrmIdempotentRequestRepository },
        {
          provide: TypeOrmUnitOfWork,
          inject: [DataSource, Outbox, CLOCK],
          useFactory: (dataSource: DataSource, outbox: Outbox, clock: Clock) => new TypeOrmUnitOfWork(dataSource, outbox, clock),
        },
        { provide: UnitOfWork, useExisting: TypeOrmUnitOfWork },
        { provide: AccountRepository, useClass: TypeOrmAccountRepository },
        { provide: SessionRepository, useClass: TypeOrmSessionRepository },
        { provide: SignInLinkRepository, useClass: TypeOrmSignInLinkRepository },
        { provide: SignInFailureRepository, useClass: TypeOrmSignInFailureRepository },
        { provide: ApiKeyRepository, useClass: TypeOrmApiKeyRepository },
        { provide: MentorshipRepository, useClass: TypeOrmMentorshipRepository },
        { provide: PasswordHasher, useClass: Argon2PasswordHasher },
        { provide: UpstreamClient, useClass: HttpUpstreamClient },
        { provide: OpenSessions, useClass: ListeningOpenSessions },
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
