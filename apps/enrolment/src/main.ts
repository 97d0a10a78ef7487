import 'reflect-metadata';
import { connectEventConsumer, kafkaSaslOf } from '@cmp/messaging';
import { createServiceApp, loadConfig, serviceClock, setupOpenApi, startServiceApp } from '@cmp/platform';
import { EnrolmentConfig } from './enrolment.config';
import { EnrolmentModule } from './enrolment.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig(EnrolmentConfig);
  const app = await createServiceApp(EnrolmentModule.forRoot({ databaseUrl: config.DATABASE_URL, brokers: config.KAFKA_BROKERS, sasl: kafkaSaslOf(config), clock: serviceClock(config) }));
  setupOpenApi(app, { title: 'CMP enrolment (internal)', description: 'Organisations, placements, referrals, cohorts, mentees, mentors, consent and erasure.' });
  connectEventConsumer(app);
  await startServiceApp(app, config.PORT, config.HOST);
}

bootstrap().catch((error) => {
  process.stderr.write(`enrolment failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
