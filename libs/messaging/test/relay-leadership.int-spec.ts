import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createKafka, Outbox, OutboxRelay, TopicProvisioner } from '../src';
import { ScratchSchema, testInfrastructure, uniqueSuffix, waitFor } from '@cmp/testing';
import { incrementCounters } from './sample/sample-producer';
import { openSampleDatabase } from './sample/sample-database';

describe('outbox relay leadership', () => {
  const infra = testInfrastructure();
  const service = `sample-${uniqueSuffix()}`;
  let schema: ScratchSchema;
  let dataSource: DataSource;
  let kafka: Kafka;
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    ({ schema, dataSource } = await openSampleDatabase('leadership'));
    kafka = createKafka({ brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clientId: 'leadership-test' });
  });

  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
    await dataSource?.destroy();
    await schema?.drop();
  });

  const newRelay = () => {
    const relay = new OutboxRelay({
      databaseUrl: schema.databaseUrl,
      schema: schema.name,
      kafka,
      topics: new TopicProvisioner(kafka),
      standbyRetryMs: 100,
    });
    relays.push(relay);
    relay.start();
    return relay;
  };

  it('lets one instance publish at a time and hands over when the leader goes', async () => {
    const [first, second] = [newRelay(), newRelay()];
    const leaders = () => Promise.resolve(relays.filter((relay) => relay.isLeader).length);
    await waitFor(leaders, (n) => n === 1, { what: 'one leader' });
    // Stays at one: the standby keeps asking and keeps being refused.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await leaders()).toBe(1);

    const leader = first.isLeader ? first : second;
    const standby = leader === first ? second : first;
    await leader.stop();
    await waitFor(() => Promise.resolve(standby.isLeader), (isLeader) => isLeader, { what: 'the standby to take over' });

    await incrementCounters(dataSource, new Outbox({ service }), service, ['a', 'b', 'c']);
    await waitFor(() => dataSource.query('SELECT count(*) FROM outbox WHERE published_at IS NULL'), (rows) => Number(rows[0].count) === 0, {
      what: 'the new leader to publish',
    });
  });
});
