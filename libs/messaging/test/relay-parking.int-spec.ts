import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createKafka, Outbox, OutboxRelay, ParkedOutboxRows, TopicProvisioner } from '../src';
import { ScratchSchema, testInfrastructure, uniqueSuffix, waitFor } from '@cmp/testing';
import { incrementCounters } from './sample/sample-producer';
import { openSampleDatabase } from './sample/sample-database';

/** Above the broker's default `message.max.bytes` (1 MiB): refused however often it is sent. */
const TOO_LARGE_BYTES = 2 * 1024 * 1024;

describe('an outbox row the broker can never take', () => {
  const infra = testInfrastructure();
  const service = `sample-${uniqueSuffix()}`;
  let schema: ScratchSchema;
  let dataSource: DataSource;
  let kafka: Kafka;
  let relay: OutboxRelay;
  let admin: Client;

  beforeAll(async () => {
    ({ schema, dataSource } = await openSampleDatabase('parking'));
    kafka = createKafka({ brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clientId: 'parking-test' });
    relay = new OutboxRelay({ databaseUrl: schema.databaseUrl, schema: schema.name, kafka, topics: new TopicProvisioner(kafka), pollIntervalMs: 200 });
    admin = new Client({ connectionString: infra.databaseUrl });
    await admin.connect();
  });

  afterAll(async () => {
    await relay?.stop();
    await admin?.end();
    await dataSource?.destroy();
    await schema?.drop();
  });

  const unpublished = async (key: string): Promise<{ id: string; parked: boolean }[]> =>
    (await dataSource.query(`SELECT id, parked_at IS NOT NULL AS parked FROM outbox WHERE published_at IS NULL AND message_key = $1 ORDER BY id`, [key])).map(
      (row: { id: string; parked: boolean }) => ({ id: String(row.id), parked: row.parked }),
    );

  it('is parked with the broker\'s answer; its key waits behind it, other keys flow; dropping it lets its key go on', async () => {
    const outbox = new Outbox({ service });
    relay.start();
    await incrementCounters(dataSource, outbox, service, ['held', 'flowing']);
    await waitFor(() => dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL'), (rows: { n: number }[]) => rows[0].n === 0, {
      what: 'the first rows to be published',
    });

    // A row as a service would write it, but far too large: a copy of a real row with a huge payload.
    await dataSource.query(
      `INSERT INTO outbox (event_id, event_type, topic, message_key, headers, payload)
       SELECT 'too-large-' || id, event_type, topic, message_key, headers, repeat('x', $1) FROM outbox WHERE message_key = 'held' LIMIT 1`,
      [TOO_LARGE_BYTES],
    );
    await incrementCounters(dataSource, outbox, service, ['held', 'flowing', 'flowing']);

    await waitFor(() => unpublished('flowing'), (rows) => rows.length === 0, { what: 'the other key to flow past the refused row', timeoutMs: 60_000 });
    const held = await waitFor(() => unpublished('held'), (rows) => rows.length === 2 && rows[0].parked, { what: 'the refused row to be parked' });
    expect(held.map((row) => row.parked)).toEqual([true, false]);

    const parked = await new ParkedOutboxRows(admin).list(schema.name);
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ id: held[0].id, key: 'held', waiting: 1 });
    expect(parked[0].error).toMatch(/larger than the max message size|MESSAGE_TOO_LARGE|too large/i);
    expect(parked[0].payloadBytes).toBe(TOO_LARGE_BYTES);

    // Still parked a few rounds later: a permanent refusal is not retried in a loop.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await unpublished('held')).map((row) => row.parked)).toEqual([true, false]);

    expect(await new ParkedOutboxRows(admin).drop(schema.name, held[0].id)).toBe(true);
    await waitFor(() => unpublished('held'), (rows) => rows.length === 0, { what: 'the waiting row of the key to be published after the drop' });
    expect(await new ParkedOutboxRows(admin).list(schema.name)).toEqual([]);
  });
});
