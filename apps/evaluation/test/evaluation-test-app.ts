import { CloudEventsKafkaServer, connectEventConsumer } from '@cmp/messaging';
import { createServiceTestApp, type ServiceTestApp } from '@cmp/testing';
import { EvaluationModule } from '../src/evaluation.module';
import { SurveyTimers } from '../src/infrastructure/timers/survey-timers';

export interface EvaluationTestApp extends ServiceTestApp<CloudEventsKafkaServer> {
  readonly timers: SurveyTimers;
  /** The consumer group, whose dead letters go to `<group>.dlq`. */
  readonly groupId: string;
}

export const SURVEY_BASE_URL = 'https://cmp.example.org/api/v1/surveys/answer';

/**
 * The real evaluation service (HTTP, outbox relay, event consumer unless `consume` is false) on a
 * scratch schema of the test database and the test broker. The background timers are off: tests
 * move the clock and call `timers.runDueTimers()`.
 */
export async function startEvaluation(options: { now?: Date; answerRateLimit?: number; consume?: boolean } = {}): Promise<EvaluationTestApp> {
  const service = await createServiceTestApp({
    service: 'evaluation',
    now: options.now ?? new Date('2027-06-01T10:00:00Z'),
    module: (wiring) =>
      EvaluationModule.forRoot({
        ...wiring,
        surveys: { surveyBaseUrl: SURVEY_BASE_URL, validityDays: 28, reminderAfterDays: 7 },
        answerRateLimit: options.answerRateLimit ?? 1000,
        timerIntervalMs: 0,
      }),
    ...(options.consume === false ? {} : { consume: connectEventConsumer }),
  });
  return Object.assign(service, { timers: service.app.get(SurveyTimers), groupId: service.groupId ?? '' });
}
