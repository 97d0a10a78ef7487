import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@cmp/kernel';
import { KafkaSasl, Outbox, ServiceInfrastructureModule, TypeOrmUnitOfWork } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { SURVEY_SETTINGS, SurveySettings } from './application/evaluation.settings';
import { InvitationCommands } from './application/invitations/invitation-commands';
import { InvitationQueries } from './application/invitations/invitation-queries';
import { InvitationRepository } from './application/invitations/invitation.repository';
import { ScheduledSurveyRepository } from './application/invitations/scheduled-survey.repository';
import { OutcomeCommands } from './application/outcomes/outcome-commands';
import { OutcomeQueries } from './application/outcomes/outcome-queries';
import { OutcomeRepository } from './application/outcomes/outcome.repository';
import { PeopleCommands } from './application/people/people-commands';
import { PeopleRepository } from './application/people/people.repository';
import { ProgrammeProjector } from './application/programme/programme-projector';
import { ProgrammeRepository } from './application/programme/programme.repository';
import { ReportCommands } from './application/reports/report-commands';
import { ReportQueries } from './application/reports/report-queries';
import { ReportRepository } from './application/reports/report.repository';
import { SurveyCommands } from './application/surveys/survey-commands';
import { SurveyQueries } from './application/surveys/survey-queries';
import { SurveyRepository } from './application/surveys/survey.repository';
import { SurveyTimers, TIMER_INTERVAL_MS } from './infrastructure/timers/survey-timers';
import { OutcomesController } from './http/outcomes.controller';
import { ReportsController } from './http/reports.controller';
import { SurveyAnswerController } from './http/survey-answer.controller';
import { SurveysController } from './http/surveys.controller';
import { ProgrammeEventsConsumer } from './infrastructure/consumers/programme-events.consumer';
import { EVALUATION_ENTITIES } from './infrastructure/entities/evaluation-entities';
import { CreateEvaluationTables1764190000000 } from './infrastructure/migrations/1764190000000-create-evaluation-tables';
import { TypeOrmInvitationRepository } from './infrastructure/repositories/typeorm-invitation.repository';
import { TypeOrmOutcomeRepository } from './infrastructure/repositories/typeorm-outcome.repository';
import { TypeOrmPeopleRepository } from './infrastructure/repositories/typeorm-people.repository';
import { TypeOrmProgrammeRepository } from './infrastructure/repositories/typeorm-programme.repository';
import { TypeOrmReportRepository } from './infrastructure/repositories/typeorm-report.repository';
import { TypeOrmScheduledSurveyRepository } from './infrastructure/repositories/typeorm-scheduled-survey.repository';
import { TypeOrmSurveyRepository } from './infrastructure/repositories/typeorm-survey.repository';

export const EVALUATION_SERVICE = 'evaluation';

/** What the module is given; every default lives in `EvaluationConfig`. */
export interface EvaluationModuleSettings {
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  /** The service's own Kafka principal. */
  readonly sasl?: KafkaSasl;
  readonly schema?: string;
  readonly clock?: Clock;
  readonly surveys: SurveySettings;
  /** Requests per minute per client on the public answer routes. */
  readonly answerRateLimit: number;
  /** 0 turns the background timer loop off (tests call `SurveyTimers.runDueTimers()` themselves). */
  readonly timerIntervalMs: number;
}

@Module({})
export class EvaluationModule {
  static forRoot(settings: EvaluationModuleSettings): DynamicModule {
    return {
      module: EvaluationModule,
      imports: [
        ServiceInfrastructureModule.forService({
          service: EVALUATION_SERVICE,
          schema: settings.schema ?? EVALUATION_SERVICE,
          databaseUrl: settings.databaseUrl,
          brokers: settings.brokers,
          sasl: settings.sasl,
          entities: EVALUATION_ENTITIES,
          migrations: [CreateEvaluationTables1764190000000],
          clock: settings.clock,
        }),
        ThrottlerModule.forRoot([{ name: 'survey-answer', ttl: 60_000, limit: settings.answerRateLimit }]),
      ],
      controllers: [SurveyAnswerController, SurveysController, OutcomesController, ReportsController, ProgrammeEventsConsumer],
      providers: [
        { provide: SURVEY_SETTINGS, useValue: settings.surveys },
        { provide: TIMER_INTERVAL_MS, useValue: settings.timerIntervalMs },
        {
          provide: TypeOrmUnitOfWork,
          inject: [DataSource, Outbox, CLOCK],
          useFactory: (dataSource: DataSource, outbox: Outbox, clock: Clock) => new TypeOrmUnitOfWork(dataSource, outbox, clock),
        },
        { provide: UnitOfWork, useExisting: TypeOrmUnitOfWork },
        { provide: PeopleRepository, useClass: TypeOrmPeopleRepository },
        { provide: ProgrammeRepository, useClass: TypeOrmProgrammeRepository },
        { provide: SurveyRepository, useClass: TypeOrmSurveyRepository },
        { provide: InvitationRepository, useClass: TypeOrmInvitationRepository },
        { provide: ScheduledSurveyRepository, useClass: TypeOrmScheduledSurveyRepository },
        { provide: OutcomeRepository, useClass: TypeOrmOutcomeRepository },
        { provide: ReportRepository, useClass: TypeOrmReportRepository },
        PeopleCommands,
        ProgrammeProjector,
        SurveyCommands,
        SurveyQueries,
        InvitationCommands,
        InvitationQueries,
        OutcomeCommands,
        OutcomeQueries,
        ReportCommands,
        ReportQueries,
        SurveyTimers,
      ],
    };
  }
}
