import { join } from 'node:path';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createKafka, Outbox } from '../src';
import { ScratchSchema, startTsProcess, testInfrastructure, TsProcess, uniqueSuffix, waitFor } from '@cmp/testing';
import { counterIncremented } from './sample/sample-contracts';
import { incrementCounters } from './sample/sample-producer';
import { openSampleDatabase } from './sample/sample-database';

const TOTAL_CHANGES = 10_000;
const CHANGES_PER_TRANSACTION = 20;
const COUNTERS = Array.from({ length: 50 }, (_, index) => `counter-${index}`);

describe('outbox → Kafka → inbox, with crashes and a replay', () => {
  const infra = testInfrastructure();
  const service = `sample-${uniqueSuffix()}`;
  const group = `${service}-effects`;
  const topic = counterIncremented(service).topic;
  let schema: ScratchSchema;
  let dataSource: DataSource;
  let kafka: Kafka;
  let relay: TsProcess | undefined;
  let consumer: TsProcess | undefined;
  let env: Record<string, string>;

  const startRelay = () => startTsProcess(join(__dirname, 'sample', 'relay.process.ts'), env, { readyLine: 'relay started' });
  const startConsumer = () => startTsProcess(join(__dirname, 'sample', 'consumer.process.ts'), env, { readyLine: 'consumer ready' });
  const count = async (sql: string) => Number((await dataSource.query(sql))[0].count);

  beforeAll(async () => {
    ({ schema, dataSource } = await openSampleDatabase('exactly_once'));
    kafka = createKafka({ brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clientId: 'exactly-once-test' });
    env = {
      DATABASE_URL: schema.databaseUrl,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      SAMPLE_SCHEMA: schema.name,
      SAMPLE_SERVICE: service,
      SAMPLE_GROUP: group,
      // The broker's minimum: after the SIGKILL the group hands the dead member's partitions on sooner.
      SAMPLE_SESSION_TIMEOUT_MS: '6000',
    };
  });

  afterAll(async () => {
    await relay?.stop();
    await consumer?.stop();
    await dataSource?.destroy();
    await schema?.drop();
  });

  it('applies 10,000 state changes exactly once, in per-key order, through kills of the relay and the consumer and a replay from offset 0', async () => {
    const outbox = new Outbox({ service });
    relay = await startRelay();
    consumer = await startConsumer();

    for (let written = 0; written < TOTAL_CHANGES; written += CHANGES_PER_TRANSACTION) {
      const counterIds = Array.from({ length: CHANGES_PER_TRANSACTION }, (_, i) => COUNTERS[(written + i) % COUNTERS.length]);
      await incrementCounters(dataSource, outbox, service, counterIds);
      if (written === 3_000) await relay.crash();
      if (written === 4_000) relay = await startRelay();
      if (written === 6_000) await consumer.crash();
      if (written === 7_500) consumer = await startConsumer();
    }

    await waitFor(() => count('SELECT count(*) FROM effects'), (n) => n >= TOTAL_CHANGES, {
      timeoutMs: 120_000,
      what: 'every change to be applied',
    });
    expect(await count('SELECT count(*) FROM outbox WHERE published_at IS NULL')).toBe(0);

    // Replay: stop the consumer, rewind its group to offset 0 on every partition, start again.
    await consumer.stop();
    const admin = kafka.admin();
    await admin.connect();
    try {
      const partitionOffsets = await admin.fetchTopicOffsets(topic);
      expect(partitionOffsets.every((p) => p.low === '0')).toBe(true);
      await admin.setOffsets({ groupId: group, topic, partitions: partitionOffsets.map((p) => ({ partition: p.partition, offset: p.low })) });
      const rewound = await admin.fetchOffsets({ groupId: group, topics: [topic] });
      expect(rewound[0].partitions.map((p) => p.offset)).toEqual(partitionOffsets.map(() => '0'));
      const highWatermarks = new Map(partitionOffsets.map((p) => [p.partition, p.high]));
      expect([...highWatermarks.values()].reduce((sum, high) => sum + Number(high), 0)).toBeGreaterThanOrEqual(TOTAL_CHANGES);

      consumer = await startConsumer();
      await waitFor(
        async () => (await admin.fetchOffsets({ groupId: group, topics: [topic] }))[0].partitions,
        (partitions) => partitions.every((p) => p.offset === highWatermarks.get(p.partition)),
        { timeoutMs: 120_000, intervalMs: 250, what: 'the replay to reach the end of every partition' },
      );
    } finally {
      await admin.disconnect();
    }

    expect(await count('SELECT count(*) FROM effects')).toBe(TOTAL_CHANGES);
    expect(await count('SELECT count(DISTINCT event_id) FROM effects')).toBe(TOTAL_CHANGES);
    expect(await count(`SELECT count(*) FROM inbox WHERE consumer_group = '${group}'`)).toBe(TOTAL_CHANGES);

    const perCounter: { counter_id: string; sequences: number[] }[] = await dataSource.query(
      'SELECT counter_id, array_agg(sequence ORDER BY applied_order) AS sequences FROM effects GROUP BY counter_id',
    );
    expect(perCounter).toHaveLength(COUNTERS.length);
    const expected = Array.from({ length: TOTAL_CHANGES / COUNTERS.length }, (_, index) => index + 1);
    for (const { counter_id, sequences } of perCounter) {
      expect({ counter_id, sequences }).toEqual({ counter_id, sequences: expected });
    }
  });
});
