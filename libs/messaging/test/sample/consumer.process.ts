import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { connectEventConsumer, kafkaSaslOf } from '../../src';
import { sampleConsumerModule } from './sample-consumer.module';

/** The sample consumer as its own process, so a test can kill it with SIGKILL mid-batch. */
async function main(): Promise<void> {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  const app = await NestFactory.create(
    sampleConsumerModule({
      service: env('SAMPLE_SERVICE'),
      schema: env('SAMPLE_SCHEMA'),
      databaseUrl: env('DATABASE_URL'),
      brokers: env('KAFKA_BROKERS').split(','), sasl: kafkaSaslOf(process.env),
    }),
    { logger: ['error', 'warn'] },
  );
  app.enableShutdownHooks();
  const server = connectEventConsumer(app, {
    groupId: env('SAMPLE_GROUP'),
    sessionTimeoutMs: Number(process.env.SAMPLE_SESSION_TIMEOUT_MS ?? 30_000),
  });
  await app.startAllMicroservices();
  await app.init();
  await server.whenJoined();
  process.stdout.write('consumer ready\n');
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
