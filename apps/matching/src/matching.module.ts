import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@cmp/kernel';
import { KafkaSasl, Outbox, ServiceInfrastructureModule, TypeOrmUnitOfWork } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { CandidatePool } from './application/candidates/candidate-pool';
import { CandidateProjector } from './application/candidates/candidate-projector';
import { CandidateRepository } from './application/candidates/candidate.repository';
import { CohortCommands } from './application/cohorts/cohort-commands';
import { CohortRepository } from './application/cohorts/cohort.repository';
import { AssignmentSolver } from './application/matches/assignment-solver';
import { MatchCommands } from './application/matches/match-commands';
import { MatchQueries } from './application/matches/match-queries';
import { MatchRepository } from './application/matches/match.repository';
import { Rematcher } from './application/matches/rematcher';
import { RunCommands } from './application/runs/run-commands';
import { RunQueries } from './application/runs/run-queries';
import { RunRepository } from './application/runs/run.repository';
import { CohortsController } from './http/cohorts.controller';
import { MatchesController } from './http/matches.controller';
import { RunsController } from './http/runs.controller';
import { DEFAULT_WORKER_THRESHOLD_PAIRS } from './matching.config';
import { EnrolmentEventsConsumer } from './infrastructure/consumers/enrolment-events.consumer';
import { MATCHING_ENTITIES } from './infrastructure/entities';
import { CreateMatchingTables1764170000000 } from './infrastructure/migrations/1764170000000-create-matching-tables';
import { TypeOrmCandidateRepository } from './infrastructure/repositories/typeorm-candidate.repository';
import { TypeOrmCohortRepository } from './infrastructure/repositories/typeorm-cohort.repository';
import { TypeOrmMatchRepository } from './infrastructure/repositories/typeorm-match.repository';
import { TypeOrmRunRepository } from './infrastructure/repositories/typeorm-run.repository';
import { WorkerThreadAssignmentSolver } from './infrastructure/solver/worker-thread-assignment-solver';

export const MATCHING_SERVICE = 'matching';

export interface MatchingModuleSettings {
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  /** The service's own Kafka principal. */
  readonly sasl?: KafkaSasl;
  readonly schema?: string;
  readonly clock?: Clock;
  /** Eligible pairs above which a run is solved in a worker thread (default in matching.config.ts). */
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
      controllers: [RunsController, MatchesController, CohortsController, EnrolmentEventsConsumer],
      providers: [
        // Matching keeps no audit trail: its runs and decisions are their own record.
        { provide: TypeOrmUnitOfWork, inject: [DataSource, Outbox, CLOCK], useFactory: (dataSource: DataSource, outbox: Outbox, clock: Clock) => new TypeOrmUnitOfWork(dataSource, outbox, clock) },
        { provide: UnitOfWork, useExisting: TypeOrmUnitOfWork },
        { provide: AssignmentSolver, useFactory: () => new WorkerThreadAssignmentSolver(settings.workerThresholdPairs ?? DEFAULT_WORKER_THRESHOLD_PAIRS) },
        { provide: CohortRepository, useClass: TypeOrmCohortRepository },
        { provide: CandidateRepository, useClass: TypeOrmCandidateRepository },
        { provide: MatchRepository, useClass: TypeOrmMatchRepository },
        { provide: RunRepository, useClass: TypeOrmRunRepository },
        CandidatePool,
        Rematcher,
        CohortCommands,
        MatchCommands,
        MatchQueries,
        RunCommands,
        RunQueries,
        CandidateProjector,
      ],
    };
  }
}
