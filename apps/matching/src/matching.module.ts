import { DynamicModule, Module } from '@nestjs/common';
import { KafkaSasl, ServiceInfrastructureModule } from '@cmp/messaging';
import { Clock } from '@cmp/platform';
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
  /** The service's own Kafka principal. */
  readonly sasl?: KafkaSasl;
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
        ServiceInfrastructureModule.forService({
          service: MATCHING_SERVICE,
          schema,
          databaseUrl: settings.databaseUrl,
          brokers: settings.brokers,
          sasl: settings.sasl,
          entities: MATCHING_ENTITIES,
          migrations: [CreateMatchingTables1764170000000],
          clock: settings.clock,
        }),
      ],
      controllers: [MatchingController, EnrolmentEventsConsumer],
      providers: [
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
