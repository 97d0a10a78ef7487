import { CloudEventsKafkaServer, connectEventConsumer } from '@cmp/messaging';
import { setupOpenApi } from '@cmp/platform';
import { createServiceTestApp, type ServiceTestApp } from '@cmp/testing';
import { EnrolmentModule } from '../src/enrolment.module';

export interface EnrolmentTestApp extends ServiceTestApp<CloudEventsKafkaServer> {
  /** The service's event consumer, e.g. to wait until it has joined its group. */
  readonly consumer: CloudEventsKafkaServer;
}

/**
 * The real enrolment service (HTTP, outbox relay, event consumer) on a scratch schema of the
 * test database and the test broker. Events go to the real `cmp.enrolment.*` topics; tests tell
 * theirs apart by the correlation id they send.
 */
export async function startEnrolment(now = new Date('2026-12-01T10:00:00Z')): Promise<EnrolmentTestApp> {
  const service = await createServiceTestApp({
    service: 'enrolment',
    now,
    module: (wiring) => EnrolmentModule.forRoot(wiring),
    consume: connectEventConsumer,
    configure: (app) => {
      setupOpenApi(app, { title: 'CMP enrolment (internal)', description: 'test' });
    },
  });
  const { consumer } = service;
  if (!consumer) throw new Error('the enrolment test app starts its event consumer');
  return { ...service, consumer };
}
