import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@cmp/kernel';
import { KafkaSasl, Outbox, ServiceInfrastructureModule, TypeOrmUnitOfWork } from '@cmp/messaging';
import { Clock, CLOCK, systemClock } from '@cmp/platform';
import { AvailabilityRepository } from './application/availability/availability.repository';
import { CohortCommands } from './application/cohorts/cohort-commands';
import { CohortQueries } from './application/cohorts/cohort-queries';
import { CohortRepository } from './application/cohorts/cohort.repository';
import { EnrolmentProjector } from './application/enrolment/enrolment-projector';
import { FeedCommands } from './application/feeds/feed-commands';
import { FeedQueries } from './application/feeds/feed-queries';
import { FeedRenderer } from './application/feeds/feed-renderer';
import { FeedTokenRepository } from './application/feeds/feed-token.repository';
import { MatchingProjector } from './application/matching/matching-projector';
import { PlanCommands } from './application/plans/plan-commands';
import { PlanQueries } from './application/plans/plan-queries';
import { PlanRepository } from './application/plans/plan.repository';
import { SessionCancellation } from './application/sessions/session-cancellation';
import { SessionCommands } from './application/sessions/session-commands';
import { SessionQueries } from './application/sessions/session-queries';
import { SessionRepository } from './application/sessions/session.repository';
import { ProgrammeTimers } from './application/timers/programme-timers';
import { TimerHandlers } from './application/timers/timer-handlers';
import { TimerRepository } from './application/timers/timer.repository';
import { CohortsController } from './http/cohorts.controller';
import { FeedsController } from './http/feeds.controller';
import { PlansController } from './http/plans.controller';
import { SessionsController } from './http/sessions.controller';
import { IcalFeedRenderer } from './infrastructure/calendar/ical-feed-renderer';
import { EnrolmentEventsConsumer } from './infrastructure/consumers/enrolment-events.consumer';
import { MatchingEventsConsumer } from './infrastructure/consumers/matching-events.consumer';
import { SCHEDULING_ENTITIES } from './infrastructure/entities';
import { CreateSchedulingTables1764180000000 } from './infrastructure/migrations/1764180000000-create-scheduling-tables';
import { TypeOrmAvailabilityRepository } from './infrastructure/repositories/typeorm-availability.repository';
import { TypeOrmCohortRepository } from './infrastructure/repositories/typeorm-cohort.repository';
import { TypeOrmFeedTokenRepository } from './infrastructure/repositories/typeorm-feed-token.repository';
import { TypeOrmPlanRepository } from './infrastructure/repositories/typeorm-plan.repository';
import { TypeOrmSessionRepository } from './infrastructure/repositories/typeorm-session.repository';
import { TypeOrmTimerRepository } from './infrastructure/repositories/typeorm-timer.repository';
import { TIMER_WORKER_SETTINGS, TimerWorker } from './infrastructure/timers/timer-worker';
import { OpenTransaction } from './infrastructure/transactions/open-transaction';
import { SCHEDULING_RETENTION_POLICIES } from './infrastructure/retention-policies';

export const SCHEDULING_SERVICE = 'scheduling';

export interface SchedulingModuleSettings {
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  /** The service's own Kafka principal. */
  readonly sasl?: KafkaSasl;
  /** Defaults to the service name; tests use a scratch schema. */
  readonly schema?: string;
  readonly clock?: Clock;
  /** Background timer poll (SchedulingConfig's TIMER_POLL_INTERVAL_MS); 0 turns it off so tests fire timers with `TimerWorker.runDueTimers()`. */
  readonly timerPollIntervalMs: number;
}

@Module({})
export class SchedulingModule {
  static forRoot(settings: SchedulingModuleSettings): DynamicModule {
    const schema = settings.schema ?? SCHEDULING_SERVICE;
    const clock = settings.clock ?? systemClock;
    return {
      module: SchedulingModule,
      imports: [
        ServiceInfrastructureModule.forService({
          service: SCHEDULING_SERVICE,
          schema,
          databaseUrl: settings.databaseUrl,
          brokers: settings.brokers,
          sasl: settings.sasl,
          entities: SCHEDULING_ENTITIES,
          migrations: [CreateSchedulingTables1764180000000],
          clock: clock,
          retentionPolicies: SCHEDULING_RETENTION_POLICIES,
        }),
      ],
      controllers: [PlansController, SessionsController, CohortsController, FeedsController, MatchingEventsConsumer, EnrolmentEventsConsumer],
      providers: [
        {
          provide: UnitOfWork,
          useFactory: (dataSource: DataSource, outbox: Outbox, serviceClock: Clock) => new TypeOrmUnitOfWork(dataSource, outbox, serviceClock),
          inject: [DataSource, Outbox, CLOCK],
        },
        { provide: PlanRepository, useClass: TypeOrmPlanRepository },
        { provide: SessionRepository, useClass: TypeOrmSessionRepository },
        { provide: CohortRepository, useClass: TypeOrmCohortRepository },
        { provide: AvailabilityRepository, useClass: TypeOrmAvailabilityRepository },
        { provide: FeedTokenRepository, useClass: TypeOrmFeedTokenRepository },
        // One instance for both: use cases see the port, the timer worker the claiming side too.
        TypeOrmTimerRepository,
        { provide: TimerRepository, useExisting: TypeOrmTimerRepository },
        { provide: FeedRenderer, useClass: IcalFeedRenderer },
        { provide: TIMER_WORKER_SETTINGS, useValue: { pollIntervalMs: settings.timerPollIntervalMs } },
        OpenTransaction,
        TimerWorker,
        TimerHandlers,
        ProgrammeTimers,
        SessionCancellation,
        SessionCommands,
        SessionQueries,
        PlanCommands,
        PlanQueries,
        CohortCommands,
        CohortQueries,
        FeedCommands,
        FeedQueries,
        EnrolmentProjector,
        MatchingProjector,
      ],
    };
  }
}
