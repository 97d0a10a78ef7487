import 'reflect-metadata';
import { connectEventConsumer, kafkaSaslOf } from '@cmp/messaging';
import { createServiceApp, loadConfig, setupOpenApi, startServiceApp, serviceClock } from '@cmp/platform';
import { SchedulingConfig } from './scheduling.config';
import { SchedulingModule } from './scheduling.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig(SchedulingConfig);
  const app = await createServiceApp(
    SchedulingModule.forRoot({
      databaseUrl: config.DATABASE_URL,
      brokers: config.KAFKA_BROKERS,
      sasl: kafkaSaslOf(config),
      clock: serviceClock(config),
      timerPollIntervalMs: config.TIMER_POLL_INTERVAL_MS,
    }),
  );
  setupOpenApi(app, {
    title: 'CMP scheduling (internal)',
    description: 'Programme plans, sessions, calendar feeds and durable timers (reminders, stall detection, programme end, follow-ups).',
  });
  connectEventConsumer(app);
  await startServiceApp(app, config.PORT, config.HOST);
}

bootstrap().catch((error) => {
  process.stderr.write(`scheduling failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
