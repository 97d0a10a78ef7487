import 'reflect-metadata';
import { kafkaSaslOf } from '@cmp/messaging';
import { createServiceApp } from '@cmp/platform';
import { testHopKeys } from '@cmp/testing';
import { SchedulingModule } from '../src/scheduling.module';

/**
 * A scheduling instance without HTTP or consumer, as its own process, so a test can run two of
 * them and kill one with SIGKILL mid-poll. Its clock is frozen at CMP_TEST_NOW.
 */
async function main(): Promise<void> {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  const now = new Date(env('CMP_TEST_NOW'));
  const app = await createServiceApp(
    SchedulingModule.forRoot({
      databaseUrl: env('DATABASE_URL'),
      schema: env('SCHEDULING_SCHEMA'),
      brokers: env('KAFKA_BROKERS').split(','), sasl: kafkaSaslOf(process.env),
      clock: () => now,
      timerPollIntervalMs: 50,
    }),
    {},
    { authentication: { hopPublicKeys: testHopKeys().publicKeys } },
  );
  await app.init();
  process.stdout.write('timer worker ready\n');
}

main().catch((error) => {
  process.stderr.write(`timer worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
