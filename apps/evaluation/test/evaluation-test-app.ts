import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { connectEventConsumer } from '@cmp/messaging';
import { configureServiceApp } from '@cmp/platform';
import { createScratchSchema, ScratchSchema, testInfrastructure, uniqueSuffix, testHopKeys } from '@cmp/testing';
import { SurveyTimers } from '../src/application/timers/survey-timers';
import { EvaluationModule } from '../src/evaluation.module';

export interface EvaluationTestApp {
  readonly app: INestApplication;
  readonly dataSource: DataSource;
  readonly schema: ScratchSchema;
  readonly timers: SurveyTimers;
  /** The consumer group, whose dead letters go to `<group>.dlq`. */
  readonly groupId: string;
  /** Moves the service's clock. */
  setNow(instant: Date): void;
  close(): Promise<void>;
}

export const SURVEY_BASE_URL = 'https://cmp.example.org/api/v1/surveys/answer';

/**
 * The real evaluation service (HTTP, outbox relay, event consumer) on a scratch schema of the
 * test database and the test broker. The background timer loop is off: tests move the clock and
 * call `timers.runDueTimers()`.
 */
export async function startEvaluation(options: { now?: Date; answerRateLimit?: number; consume?: boolean } = {}): Promise<EvaluationTestApp> {
  const infra = testInfrastructure();
  const schema = await createScratchSchema('evaluation');
  let current = options.now ?? new Date('2027-06-01T10:00:00Z');
  const moduleRef = await Test.createTestingModule({
    imports: [
      EvaluationModule.forRoot({
        databaseUrl: schema.databaseUrl,
        schema: schema.name,
        brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl,
        clock: () => current,
        surveys: { surveyBaseUrl: SURVEY_BASE_URL, validityDays: 28, reminderAfterDays: 7 },
        answerRateLimit: options.answerRateLimit ?? 1000,
        timerIntervalMs: 0,
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  configureServiceApp(app, { authentication: { hopPublicKeys: testHopKeys().publicKeys } });
  const groupId = `evaluation-test-${uniqueSuffix()}`;
  if (options.consume !== false) connectEventConsumer(app, { groupId, sessionTimeoutMs: 6000 });
  await app.startAllMicroservices();
  await app.init();
  return {
    app,
    dataSource: app.get(DataSource),
    schema,
    timers: app.get(SurveyTimers),
    groupId,
    setNow: (instant) => (current = instant),
    close: async () => {
      await app.close();
      await schema.drop();
    },
  };
}
