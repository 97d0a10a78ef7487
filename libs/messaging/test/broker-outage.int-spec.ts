import { Consumer, Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createKafka, Outbox, OutboxRelay, TopicProvisioner } from '../src';
import { interruptLocalBroker, ScratchSchema, testInfrastructure, uniqueSuffix, waitFor } from '@cmp/testing';
import { counterIncremented } from './sample/sample-contracts';
import { incrementCounters } from './sample/sample-producer';
import { openSampleDatabase } from './sample/sample-database';

describe('a broker outage while publishing', () => {
  const infra = testInfrastructure();
  const service = `sample-${uniqueSuffix()}`;
  const topic = counterIncremented(service).topic;
  let schema: ScratchSchema;
  let dataSource: DataSource;
  let kafka: Kafka;
  let relay: OutboxRelay;
  let reader: Consumer;

  beforeAll(async () => {
    ({ schema, dataSource } = await openSampleDatabase('outage'));
    kafka = createKafka({ brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clientId: 'outage-test' });
    relay = new OutboxRelay({ databaseUrl: schema.databaseUrl, schema: schema.name, kafka, topics: new TopicProvisioner(kafka), pollIntervalMs: 200 });
  });

  afterAll(async () => {
    await reader?.disconnect();
    await relay?.stop();
    await dataSource?.destroy();
    await schema?.drop();
  });

  it('keeps the rows while the broker is down for 10 s and publishes every one after', async () => {
    const outbox = new Outbox({ service });
    const write = (from: number, count: number) =>
      incrementCounters(dataSource, outbox, service, Array.from({ length: count }, (_, i) => `counter-${(from + i) % 10}`));
    relay.start();
    await write(0, 300);
    await waitFor(() => dataSource.query('SELECT count(*) FROM outbox WHERE published_at IS NULL'), (rows) => Number(rows[0].count) === 0, {
      what: 'the first rows to be published',
    });

    const outage = interruptLocalBroker(10_000);
    // Writes go on while the broker is away: they only touch Postgres.
    for (let batch = 0; batch < 10; batch += 1) {
      await write(300 + batch * 50, 50);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const waitingDuringOutage = Number((await dataSource.query('SELECT count(*) FROM outbox WHERE published_at IS NULL'))[0].count);
    await outage;
    await write(800, 200);

    await waitFor(() => dataSource.query('SELECT count(*) FROM outbox WHERE published_at IS NULL'), (rows) => Number(rows[0].count) === 0, {
      timeoutMs: 90_000,
      what: 'the backlog to drain after the broker came back',
    });
    expect(waitingDuringOutage).toBeGreaterThan(0);

    const seen = new Set<string>();
    reader = kafka.consumer({ groupId: `${service}-reader` });
    await reader.connect();
    await reader.subscribe({ topic, fromBeginning: true });
    await reader.run({ eachMessage: async ({ message }) => void seen.add(message.headers?.ce_id?.toString() ?? '') });
    const written: { event_id: string }[] = await dataSource.query('SELECT event_id FROM outbox');
    expect(written).toHaveLength(1000);
    await waitFor(async () => seen.size, (n) => n >= 1000, { timeoutMs: 60_000, what: 'every event on the topic' });
    expect(written.every((row) => seen.has(row.event_id))).toBe(true);
  });
});
