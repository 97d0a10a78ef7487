import { DynamicModule, Module } from '@nestjs/common';
import { KafkaSasl, ServiceInfrastructureModule } from '@cmp/messaging';
import { Clock, systemClock } from '@cmp/platform';
import { CalendarFeeds } from './application/feeds/calendar-feeds';
import { CohortRhythm } from './application/plans/cohort-rhythm';
import { PlanLifecycle } from './application/plans/plan-lifecycle';
import { SchedulingQueries } from './application/queries/scheduling-queries';
import { EnrolmentProjector } from './application/read-models/enrolment-projector';
import { MatchingProjector } from './application/read-models/matching-projector';
import { SessionCommands } from './application/sessions/session-commands';
import { TimerHandlers } from './application/timers/timer-handlers';
import { CohortsController } from './http/cohorts.controller';
import { FeedsController } from './http/feeds.controller';
import { PlansController } from './http/plans.controller';
import { SessionsController } from './http/sessions.controller';
import { IcalFeedRenderer } from './infrastructure/calendar/ical-feed-renderer';
import { EnrolmentEventsConsumer } from './infrastructure/consumers/enrolment-events.consumer';
import { MatchingEventsConsumer } from './infrastructure/consumers/matching-events.consumer';
import { SCHEDULING_ENTITIES } from './infrastructure/entities';
import { CreateSchedulingTables1764180000000 } from './infrastructure/migrations/1764180000000-create-scheduling-tables';
import { TIMER_WORKER_SETTINGS, TimerWorker } from './infrastructure/timers/timer-worker';
import { TimerStore } from './infrastructure/timers/timer-store';
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
  /** Background timer poll; 0 turns it off so tests fire timers with `TimerWorker.runDueTimers()`. */
  readonly timerPollIntervalMs?: number;
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
        { provide: TIMER_WORKER_SETTINGS, useValue: { pollIntervalMs: settings.timerPollIntervalMs ?? 5_000 } },
        TimerStore,
        TimerWorker,
        TimerHandlers,
        PlanLifecycle,
        SessionCommands,
        SchedulingQueries,
        CohortRhythm,
        CalendarFeeds,
        IcalFeedRenderer,
        EnrolmentProjector,
        MatchingProjector,
      ],
    };
  }
}
