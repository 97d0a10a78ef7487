import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BrokerReadinessCheck, CreateMessagingTables1764150000000, MessagingModule } from '@cmp/messaging';
import { openMigratedDataSource, schemaDataSourceOptions } from '@cmp/persistence';
import { Clock, CLOCK, DatabaseReadinessCheck, PlatformModule, systemClock } from '@cmp/platform';
import { MatchDecisions } from './application/match-decisions';
import { MatchingQueries } from './application/matching-queries';
import { MatchingRuns } from './application/matching-runs';
import { Rematcher } from './application/proposal-writer';
import { ReadModelProjector } from './application/read-model-projector';
import { MatchingController } from './http/matching.controller';
import { AssignmentSolver, DEFAULT_WORKER_THRESHOLD_PAIRS } from './infrastructure/assignment-solver';
import { CandidateRepository } from './infrastructure/candidate-repository';
import { EnrolmentEventsConsumer } from './infrastructure/consumers/enrolment-events.consumer';
import { MATCHING_ENTITIES } from './infrastructure/entities/matching.entities';
import { CreateMatchingTables1764170000000 } from './infrastructure/migrations/1764170000000-create-matching-tables';

export const MATCHING_SERVICE = 'matching';

export interface MatchingModuleSettings {
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  readonly schema?: string;
  readonly clock?: Clock;
  /** Eligible pairs above which a run is solved in a worker thread. */
  readonly workerThresholdPairs?: number;
}

@Module({})
export class MatchingModule {
  static forRoot(settings: MatchingModuleSettings): DynamicModule {
    const schema = settings.schema ?? MATCHING_SERVICE;
    return {
      module: MatchingModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            schemaDataSourceOptions({
              url: settings.databaseUrl,
              schema,
              entities: MATCHING_ENTITIES,
              migrations: [CreateMessagingTables1764150000000, CreateMatchingTables1764170000000],
              applicationName: MATCHING_SERVICE,
            }),
          dataSourceFactory: (options) => openMigratedDataSource(options),
        }),
        MessagingModule.forService({ service: MATCHING_SERVICE, schema, databaseUrl: settings.databaseUrl, brokers: settings.brokers }),
        PlatformModule.forRoot({ serviceName: MATCHING_SERVICE, readinessChecks: [DatabaseReadinessCheck, BrokerReadinessCheck] }),
      ],
      controllers: [MatchingController, EnrolmentEventsConsumer],
      providers: [
        { provide: CLOCK, useValue: settings.clock ?? systemClock },
        { provide: DatabaseReadinessCheck, inject: [DataSource], useFactory: (dataSource: DataSource) => new DatabaseReadinessCheck(dataSource) },
        { provide: AssignmentSolver, useFactory: () => new AssignmentSolver(settings.workerThresholdPairs ?? DEFAULT_WORKER_THRESHOLD_PAIRS) },
        CandidateRepository,
        Rematcher,
        MatchDecisions,
        MatchingRuns,
        MatchingQueries,
        ReadModelProjector,
      ],
    };
  }
}
