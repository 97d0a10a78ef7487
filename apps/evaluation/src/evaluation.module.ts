import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { KafkaSasl, ServiceInfrastructureModule } from '@cmp/messaging';
import { Clock } from '@cmp/platform';
import { SURVEY_SETTINGS, SurveySettings } from './application/evaluation.settings';
import { OutcomeRecorder } from './application/outcomes/outcome-recorder';
import { PeopleDirectory } from './application/participants/people-directory';
import { PersonErasure } from './application/participants/person-erasure';
import { ProgrammeProjector } from './application/participants/programme-projector';
import { KpiFactsRepository } from './application/reports/kpi-facts.repository';
import { KpiReports } from './application/reports/kpi-reports';
import { AnswerSurvey } from './application/surveys/answer-survey';
import { InvitationQueries } from './application/surveys/invitation-queries';
import { SurveyDefinitions } from './application/surveys/survey-definitions';
import { SurveyInvitations } from './application/surveys/survey-invitations';
import { SurveyTimers, TIMER_INTERVAL_MS } from './application/timers/survey-timers';
import { OutcomesController } from './http/outcomes.controller';
import { ReportsController } from './http/reports.controller';
import { SurveyAnswerController } from './http/survey-answer.controller';
import { SurveysController } from './http/surveys.controller';
import { ProgrammeEventsConsumer } from './infrastructure/consumers/programme-events.consumer';
import { EVALUATION_ENTITIES } from './infrastructure/entities/evaluation.entities';
import { CreateEvaluationTables1764190000000 } from './infrastructure/migrations/1764190000000-create-evaluation-tables';

export const EVALUATION_SERVICE = 'evaluation';

export interface EvaluationModuleSettings {
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  /** The service's own Kafka principal. */
  readonly sasl?: KafkaSasl;
  readonly schema?: string;
  readonly clock?: Clock;
  readonly surveys?: Partial<SurveySettings>;
  /** Requests per minute per client on the public answer routes. */
  readonly answerRateLimit?: number;
  /** 0 turns the background timer loop off (tests call `SurveyTimers.runDueTimers()` themselves). */
  readonly timerIntervalMs?: number;
}

@Module({})
export class EvaluationModule {
  static forRoot(settings: EvaluationModuleSettings): DynamicModule {
    const schema = settings.schema ?? EVALUATION_SERVICE;
    const surveySettings: SurveySettings = {
      surveyBaseUrl: settings.surveys?.surveyBaseUrl ?? 'http://localhost:3000/api/v1/surveys/answer',
      validityDays: settings.surveys?.validityDays ?? 28,
      reminderAfterDays: settings.surveys?.reminderAfterDays ?? 7,
    };
    return {
      module: EvaluationModule,
      imports: [
        ServiceInfrastructureModule.forService({
          service: EVALUATION_SERVICE,
          schema,
          databaseUrl: settings.databaseUrl,
          brokers: settings.brokers,
          sasl: settings.sasl,
          entities: EVALUATION_ENTITIES,
          migrations: [CreateEvaluationTables1764190000000],
          clock: settings.clock,
        }),
        ThrottlerModule.forRoot([{ name: 'survey-answer', ttl: 60_000, limit: settings.answerRateLimit ?? 30 }]),
      ],
      controllers: [SurveyAnswerController, SurveysController, OutcomesController, ReportsController, ProgrammeEventsConsumer],
      providers: [
        { provide: SURVEY_SETTINGS, useValue: surveySettings },
        { provide: TIMER_INTERVAL_MS, useValue: settings.timerIntervalMs ?? 30_000 },
        PeopleDirectory,
        SurveyDefinitions,
        SurveyInvitations,
        InvitationQueries,
        AnswerSurvey,
        OutcomeRecorder,
        ProgrammeProjector,
        PersonErasure,
        SurveyTimers,
        KpiFactsRepository,
        KpiReports,
      ],
    };
  }
}
