import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { connectEventConsumer } from '@cmp/messaging';
import { configureServiceApp } from '@cmp/platform';
import { testInfrastructure, testHopKeys } from '@cmp/testing';
import { SchedulingModule } from '../src/scheduling.module';
import { TimerWorker } from '../src/infrastructure/timers/timer-worker';

export interface SchedulingInstance {
  readonly app: INestApplication;
  readonly dataSource: DataSource;
  runDueTimers(): Promise<number>;
  close(): Promise<void>;
}

/**
 * One instance of the real scheduling service (HTTP, outbox relay, timer worker and, when given a
 * group, the event consumer) on a scratch schema of the test database and the test broker. Several
 * instances can share a schema and a clock, as a scaled-out deployment shares its database.
 * The background timer poll is off: the test fires timers after moving the clock.
 */
export async function startScheduling(schema: string, databaseUrl: string, clock: () => Date, consumerGroup?: string): Promise<SchedulingInstance> {
  const moduleRef = await Test.createTestingModule({
    imports: [SchedulingModule.forRoot({ databaseUrl, schema, brokers: testInfrastructure().kafkaBrokers, sasl: testInfrastructure().kafkaSasl, clock, timerPollIntervalMs: 0 })],
  }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  configureServiceApp(app, { authentication: { hopPublicKeys: testHopKeys().publicKeys } });
  if (consumerGroup) connectEventConsumer(app, { groupId: consumerGroup, sessionTimeoutMs: 6000 });
  await app.startAllMicroservices();
  await app.init();
  return {
    app,
    dataSource: app.get(DataSource),
    runDueTimers: () => app.get(TimerWorker).runDueTimers(),
    close: () => app.close(),
  };
}
