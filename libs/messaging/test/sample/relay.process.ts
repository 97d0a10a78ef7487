import 'reflect-metadata';
import { createKafka, kafkaSaslOf, OutboxRelay, TopicProvisioner } from '../../src';

/** The sample producer's relay as its own process, so a test can kill it with SIGKILL. */
function main(): void {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  const kafka = createKafka({ brokers: env('KAFKA_BROKERS').split(','), sasl: kafkaSaslOf(process.env), clientId: 'sample-relay' });
  const relay = new OutboxRelay({
    databaseUrl: env('DATABASE_URL'),
    schema: env('SAMPLE_SCHEMA'),
    kafka,
    topics: new TopicProvisioner(kafka),
    batchSize: Number(process.env.RELAY_BATCH_SIZE ?? 1000),
    standbyRetryMs: 300,
  });
  relay.start();
  const shutdown = () => relay.stop().then(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.stdout.write('relay started\n');
}

main();
