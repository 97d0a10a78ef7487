import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { CloudEventsKafkaServer, connectEventConsumer } from '@cmp/messaging';
import { configureServiceApp, setupOpenApi } from '@cmp/platform';
import { createScratchSchema, ScratchSchema, testInfrastructure, uniqueSuffix, testHopKeys } from '@cmp/testing';
import { EnrolmentModule } from '../src/enrolment.module';

export interface EnrolmentTestApp {
  readonly app: INestApplication;
  readonly dataSource: DataSource;
  readonly schema: ScratchSchema;
  /** The service's event consumer, e.g. to wait until it has joined its group. */
  readonly consumer: CloudEventsKafkaServer;
  /** Moves the service's clock. */
  setNow(instant: Date): void;
  close(): Promise<void>;
}

/**
 * The real enrolment service (HTTP, outbox relay, event consumer) on a scratch schema of the
 * test database and the test broker. Events go to the real `cmp.enrolment.*` topics; tests tell
 * theirs apart by the correlation id they send.
 */
export async function startEnrolment(now = new Date('2026-12-01T10:00:00Z')): Promise<EnrolmentTestApp> {
  const infra = testInfrastructure();
  const schema = await createScratchSchema('enrolment');
  let current = now;
  const moduleRef = await Test.createTestingModule({
    imports: [
      EnrolmentModule.forRoot({ databaseUrl: schema.databaseUrl, schema: schema.name, brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clock: () => current }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  configureServiceApp(app, { authentication: { hopPublicKeys: testHopKeys().publicKeys } });
  setupOpenApi(app, { title: 'CMP enrolment (internal)', description: 'test' });
  const consumer = connectEventConsumer(app, { groupId: `enrolment-test-${uniqueSuffix()}`, sessionTimeoutMs: 6000 });
  await app.startAllMicroservices();
  await app.init();
  return {
    app,
    dataSource: app.get(DataSource),
    schema,
    consumer,
    setNow: (instant) => (current = instant),
    close: async () => {
      await app.close();
      await schema.drop();
    },
  };
}
