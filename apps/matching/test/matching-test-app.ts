import { CloudEventsKafkaServer, connectEventConsumer } from '@cmp/messaging';
import { createServiceTestApp, type ServiceTestApp } from '@cmp/testing';
import { MatchingModule } from '../src/matching.module';

export type MatchingTestApp = ServiceTestApp<CloudEventsKafkaServer>;

/**
 * The real matching service (HTTP, outbox relay, event consumer) on a scratch schema of the test
 * database and the test broker; `instance` names the schema and group of a second one (a replay).
 */
export function startMatching(instance = 'matching'): Promise<MatchingTestApp> {
  return createServiceTestApp({
    service: instance,
    // Threshold 0: every run is solved in the worker thread, as large runs are in production.
    module: (wiring) => MatchingModule.forRoot({ ...wiring, workerThresholdPairs: 0 }),
    consume: connectEventConsumer,
  });
}
