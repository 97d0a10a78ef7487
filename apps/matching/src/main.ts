import 'reflect-metadata';
import { connectEventConsumer, kafkaSaslOf } from '@cmp/messaging';
import { createServiceApp, loadConfig, serviceClock, setupOpenApi, startServiceApp } from '@cmp/platform';
import { MatchingConfig } from './matching.config';
import { MatchingModule } from './matching.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig(MatchingConfig);
  const app = await createServiceApp(MatchingModule.forRoot({ databaseUrl: config.DATABASE_URL, brokers: config.KAFKA_BROKERS, sasl: kafkaSaslOf(config), clock: serviceClock(config) }));
  setupOpenApi(app, { title: 'CMP matching (internal)', description: 'Candidate read model, explainable scores, optimal assignment runs and the coordinator workflow.' });
  connectEventConsumer(app);
  await startServiceApp(app, config.PORT, config.HOST);
}

bootstrap().catch((error) => {
  process.stderr.write(`matching failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
