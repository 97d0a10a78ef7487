import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { connectEventConsumer } from '@cmp/messaging';
import { createServiceTestApp, type ScratchSchema } from '@cmp/testing';
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
 * group, the event consumer) on the test's scratch schema and the test broker. Several instances
 * share the schema and the test's clock, as a scaled-out deployment shares its database and the
 * time. The background timer poll is off: the test fires timers after moving the clock.
 */
export async function startScheduling(schema: ScratchSchema, clock: () => Date, consumerGroup?: string): Promise<SchedulingInstance> {
  const instance = await createServiceTestApp({
    service: 'scheduling',
    schema,
    module: (wiring) => SchedulingModule.forRoot({ ...wiring, clock, timerPollIntervalMs: 0 }),
    ...(consumerGroup ? { consume: connectEventConsumer, groupId: consumerGroup } : {}),
  });
  return {
    app: instance.app,
    dataSource: instance.dataSource,
    runDueTimers: () => instance.app.get(TimerWorker).runDueTimers(),
    close: () => instance.close(),
  };
}
