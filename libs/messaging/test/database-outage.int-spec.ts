import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Admin, Kafka, Partitioners, Producer } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { toKafkaBinaryMessage } from '@cmp/contracts';
import { connectEventConsumer, createKafka, DEFAULT_TOPIC_SETTINGS, TopicProvisioner } from '../src';
import { ScratchSchema, testInfrastructure, uniqueSuffix, waitFor } from '@cmp/testing';
import { counterIncremented } from './sample/sample-contracts';
import { sampleConsumerModule } from './sample/sample-consumer.module';
import { openSampleDatabase } from './sample/sample-database';

/** Longer than the consumer's session timeout and than any retry budget the inbox ever had. */
const OUTAGE_MS = Number(process.env.CMP_TEST_DATABASE_OUTAGE_MS ?? 60_000);

/**
 * The consumer's database goes away (logins refused, every session cut) while events arrive, and
 * a handler's connection dies inside its transaction: no event may be dead-lettered or lost, and
 * each is applied exactly once when the database is back.
 */
describe('inbox through a database outage', () => {
  const infra = testInfrastructure();
  const service = `sample-${uniqueSuffix()}`;
  const group = `${service}-effects`;
  const contract = counterIncremented(service);
  const role = `outage_${uniqueSuffix()}`;
  const handlersStarted: string[] = [];
  let schema: ScratchSchema;
  let dataSource: DataSource;
  let admin: Client;
  let kafka: Kafka;
  let kafkaAdmin: Admin;
  let producer: Producer;
  let app: INestApplication;

  const event = (counterId: string, sequence: number) =>
    toKafkaBinaryMessage({
      specversion: '1.0',
      id: `${counterId}-${sequence}-${uniqueSuffix()}`,
      source: '/cmp/test',
      type: contract.type,
      time: new Date().toISOString(),
      subject: counterId,
      datacontenttype: 'application/json',
      correlationid: 'database-outage-test',
      data: { counterId, sequence },
    });

  const cutSessions = () => admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, [role]);

  beforeAll(async () => {
    ({ schema, dataSource } = await openSampleDatabase('database_outage'));
    admin = new Client({ connectionString: infra.databaseUrl });
    await admin.connect();
    // The consumer logs in as a role of its own, so the test can refuse its logins alone.
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${role}'`);
    await admin.query(`GRANT CONNECT ON DATABASE "${new URL(infra.databaseUrl).pathname.slice(1)}" TO ${role}`);
    await admin.query(`GRANT USAGE ON SCHEMA "${schema.name}" TO ${role}`);
    await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${schema.name}" TO ${role}`);
    await admin.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA "${schema.name}" TO ${role}`);
    const consumerUrl = new URL(infra.databaseUrl);
    consumerUrl.username = role;
    consumerUrl.password = role;

    kafka = createKafka({ brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clientId: 'database-outage-test' });
    kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    await new TopicProvisioner(kafka, { ...DEFAULT_TOPIC_SETTINGS, partitions: 1 }).ensure([contract.topic]);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();

    app = await NestFactory.create(
      sampleConsumerModule({
        service,
        schema: schema.name,
        databaseUrl: consumerUrl.toString(),
        brokers: infra.kafkaBrokers,
        sasl: infra.kafkaSasl,
        slowHandlerMs: 1500,
        onHandlerStarted: (counterId) => handlersStarted.push(counterId),
      }),
      { logger: false },
    );
    // A short session: the outage lasts many times longer, so only heartbeats during the waits keep the partition here.
    connectEventConsumer(app, { groupId: group, maxAttempts: 3, initialRetryDelayMs: 50, maxRetryDelayMs: 1000, sessionTimeoutMs: 10_000 });
    await app.startAllMicroservices();
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    await kafkaAdmin?.disconnect();
    await dataSource?.destroy();
    await schema?.drop();
    await admin?.query(`DROP OWNED BY ${role}`).catch(() => undefined);
    await admin?.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await admin?.end();
  });

  async function deadLetters(): Promise<number> {
    const topics = await kafkaAdmin.listTopics();
    if (!topics.includes(`${group}.dlq`)) return 0;
    const offsets = await kafkaAdmin.fetchTopicOffsets(`${group}.dlq`);
    return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
  }

  it(`applies every event exactly once after the database was unreachable for ${OUTAGE_MS / 1000} s, and dead-letters none`, async () => {
    await producer.send({ topic: contract.topic, acks: -1, messages: [event('before', 1)] });
    await waitFor(() => dataSource.query(`SELECT count(*)::int AS n FROM effects`), (rows: { n: number }[]) => rows[0].n === 1, { what: 'the first event applied' });

    await admin.query(`ALTER ROLE ${role} NOLOGIN`);
    await cutSessions();
    const during = Array.from({ length: 20 }, (_, index) => event(`during-${index % 4}`, index + 1));
    let lettersDuringOutage: number;
    try {
      await producer.send({ topic: contract.topic, acks: -1, messages: during });
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      lettersDuringOutage = await deadLetters();
    } finally {
      await admin.query(`ALTER ROLE ${role} LOGIN`);
    }
    expect(lettersDuringOutage).toBe(0);

    const effects = await waitFor(
      (): Promise<{ event_id: string }[]> => dataSource.query(`SELECT event_id FROM effects`),
      (rows) => rows.length >= 21,
      { what: 'every event applied after the outage', timeoutMs: 60_000 },
    );
    expect(new Set(effects.map((row) => row.event_id)).size).toBe(21);
    expect(effects.length).toBe(21);
    expect(await deadLetters()).toBe(0);
  }, OUTAGE_MS + 120_000);

  it('retries an event whose connection died inside its handler transaction, and applies it once', async () => {
    handlersStarted.length = 0;
    const slow = event('slow-cut', 1);
    await producer.send({ topic: contract.topic, acks: -1, messages: [slow] });
    await waitFor(async () => handlersStarted.includes('slow-cut'), (started) => started, { what: 'the slow handler to start' });
    await cutSessions();
    await waitFor(
      () => dataSource.query(`SELECT count(*)::int AS n FROM effects WHERE counter_id = 'slow-cut'`),
      (rows: { n: number }[]) => rows[0].n === 1,
      { what: 'the event applied after its connection was cut', timeoutMs: 30_000 },
    );
    expect(handlersStarted.filter((counterId) => counterId === 'slow-cut').length).toBeGreaterThanOrEqual(2);
    const inbox: { n: number }[] = await dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [slow.headers.ce_id]);
    expect(inbox[0].n).toBe(1);
    expect(await deadLetters()).toBe(0);
  });
});
