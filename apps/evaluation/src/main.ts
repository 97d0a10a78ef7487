import 'reflect-metadata';
import { connectEventConsumer, kafkaSaslOf } from '@cmp/messaging';
import { createServiceApp, loadConfig, setupOpenApi, startServiceApp, serviceClock } from '@cmp/platform';
import { EvaluationConfig } from './evaluation.config';
import { EvaluationModule } from './evaluation.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig(EvaluationConfig);
  const app = await createServiceApp(
    EvaluationModule.forRoot({
      databaseUrl: config.DATABASE_URL,
      brokers: config.KAFKA_BROKERS,
      sasl: kafkaSaslOf(config),
      clock: serviceClock(config),
      surveys: { surveyBaseUrl: config.SURVEY_BASE_URL, validityDays: config.SURVEY_VALIDITY_DAYS, reminderAfterDays: config.SURVEY_REMINDER_DAYS },
      answerRateLimit: config.SURVEY_ANSWER_RATE_LIMIT,
      timerIntervalMs: config.SURVEY_TIMER_INTERVAL_MS,
    }),
  );
  (app.getHttpAdapter().getInstance() as { set(setting: string, value: unknown): void }).set('trust proxy', config.TRUST_PROXY);
  setupOpenApi(app, { title: 'CMP evaluation (internal)', description: 'Surveys, employment outcomes, the KPI report with CSV and SVG exports, and partner aggregates.' });
  connectEventConsumer(app);
  await startServiceApp(app, config.PORT, config.HOST);
}

bootstrap().catch((error) => {
  process.stderr.write(`evaluation failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
