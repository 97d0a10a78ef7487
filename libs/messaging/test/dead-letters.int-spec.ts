import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Consumer, IHeaders, Kafka, KafkaMessage, Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { toKafkaBinaryMessage } from '@cmp/contracts';
import { connectEventConsumer, createKafka, DEFAULT_TOPIC_SETTINGS, DeadLetterStore, TopicProvisioner } from '../src';
import { ScratchSchema, testInfrastructure, uniqueSuffix, waitFor } from '@cmp/testing';
import { counterIncremented } from './sample/sample-contracts';
import { sampleConsumerModule } from './sample/sample-consumer.module';
import { openSampleDatabase } from './sample/sample-database';

describe('dead letters', () => {
  const infra = testInfrastructure();
  const service = `sample-${uniqueSuffix()}`;
  const group = `${service}-effects`;
  const contract = counterIncremented(service);
  let schema: ScratchSchema;
  let dataSource: DataSource;
  let kafka: Kafka;
  let producer: Producer;
  let app: INestApplication;
  let dlqReader: Consumer;
  const poisonCounterIds = ['poisoned'];

  const event = (counterId: string, data: Record<string, unknown> = { counterId, sequence: 1 }) =>
    toKafkaBinaryMessage({
      specversion: '1.0',
      id: `${counterId}-${uniqueSuffix()}`,
      source: '/cmp/test',
      type: contract.type,
      time: new Date().toISOString(),
      subject: counterId,
      datacontenttype: 'application/json',
      correlationid: 'dead-letter-test',
      data,
    });

  beforeAll(async () => {
    ({ schema, dataSource } = await openSampleDatabase('dead_letters'));
    kafka = createKafka({ brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clientId: 'dead-letter-test' });
    // One partition, so "the next message on the same partition" is every later message.
    await new TopicProvisioner(kafka, { ...DEFAULT_TOPIC_SETTINGS, partitions: 1 }).ensure([contract.topic]);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();

    app = await NestFactory.create(
      sampleConsumerModule({
        service,
        schema: schema.name,
        databaseUrl: schema.databaseUrl,
        brokers: infra.kafkaBrokers,
        sasl: infra.kafkaSasl,
        poisonCounterIds,
      }),
      { logger: false },
    );
    connectEventConsumer(app, { groupId: group, maxAttempts: 3, initialRetryDelayMs: 20, maxRetryDelayMs: 50 });
    await app.startAllMicroservices();
    await app.init();
  });

  afterAll(async () => {
    await dlqReader?.disconnect();
    await app?.close();
    await producer?.disconnect();
    await dataSource?.destroy();
    await schema?.drop();
  });

  it('sends unparseable, invalid and repeatedly failing messages to <group>.dlq with the error, and keeps the partition moving', async () => {
    const good = event('good');
    const invalid = event('invalid', { counterId: 42, sequence: 0 });
    const poisoned = event('poisoned');
    const notJson = { ...event('not-json'), value: '{"counterId": ' };
    const noEnvelope = { key: 'no-envelope', value: '{"counterId":"x","sequence":1}', headers: { 'content-type': 'application/json' } };
    await producer.send({
      topic: contract.topic,
      acks: -1,
      messages: [notJson, noEnvelope, invalid, poisoned, good].map((message) => ({ ...message, partition: 0 })),
    });

    const effects = await waitFor(
      () => dataSource.query('SELECT counter_id FROM effects'),
      (rows: unknown[]) => rows.length >= 1,
      { what: 'the good message after the bad ones to be applied' },
    );
    expect(effects).toEqual([{ counter_id: 'good' }]);

    const letters: KafkaMessage[] = [];
    dlqReader = kafka.consumer({ groupId: `${group}-dlq-reader` });
    await dlqReader.connect();
    await dlqReader.subscribe({ topic: `${group}.dlq`, fromBeginning: true });
    await dlqReader.run({ eachMessage: async ({ message }) => void letters.push(message) });
    await waitFor(async () => letters.length, (n) => n >= 4, { what: 'four dead letters' });

    const header = (headers: IHeaders | undefined, name: string) => headers?.[name]?.toString();
    // The dead-letter topic has partitions of its own (keyed like the original): restore the original order.
    letters.sort((a, b) => Number(header(a.headers, 'dlq_original_offset')) - Number(header(b.headers, 'dlq_original_offset')));
    const summary = letters.map((letter) => ({
      key: letter.key?.toString(),
      reason: header(letter.headers, 'dlq_reason'),
      originalTopic: header(letter.headers, 'dlq_original_topic'),
      attempts: header(letter.headers, 'dlq_attempts'),
    }));
    expect(summary).toEqual([
      { key: 'not-json', reason: 'unparseable', originalTopic: contract.topic, attempts: '0' },
      { key: 'no-envelope', reason: 'unparseable', originalTopic: contract.topic, attempts: '0' },
      { key: 'invalid', reason: 'invalid', originalTopic: contract.topic, attempts: '0' },
      { key: 'poisoned', reason: 'failed', originalTopic: contract.topic, attempts: '3' },
    ]);
    expect(header(letters[0].headers, 'dlq_error')).toContain('value is not JSON');
    expect(header(letters[1].headers, 'dlq_error')).toContain('missing header ce_id');
    expect(header(letters[2].headers, 'dlq_error')).toMatch(/counterId: .*sequence: /);
    expect(header(letters[3].headers, 'dlq_error')).toContain('counter poisoned is poisoned');
    // The original message travels unchanged: value and CloudEvents headers.
    expect(letters[3].value?.toString()).toBe(poisoned.value);
    expect(header(letters[3].headers, 'ce_id')).toBe(poisoned.headers.ce_id);
    expect(Number(header(letters[3].headers, 'dlq_original_offset'))).toBe(3);

    const inbox: { event_id: string }[] = await dataSource.query('SELECT event_id FROM inbox');
    expect(inbox.map((row) => row.event_id)).toEqual([good.headers.ce_id]);
  });

  it('lists the letters for an operator and replays one onto its original topic once its cause is mended', async () => {
    const store = new DeadLetterStore(kafka);
    expect(await store.groups()).toContain(group);
    const letters = await store.list(group);
    expect(letters.map((letter) => [letter.key, letter.reason])).toEqual([
      ['not-json', 'unparseable'],
      ['no-envelope', 'unparseable'],
      ['invalid', 'invalid'],
      ['poisoned', 'failed'],
    ]);
    const poisoned = letters[3];
    expect(poisoned).toMatchObject({ originalTopic: contract.topic, attempts: 3, eventType: contract.type });
    expect(poisoned.error).toContain('counter poisoned is poisoned');

    poisonCounterIds.length = 0;
    const replayed = await store.replay(group, [poisoned.position]);
    expect(replayed.map((letter) => letter.key)).toEqual(['poisoned']);
    await waitFor(
      () => dataSource.query(`SELECT counter_id FROM effects ORDER BY applied_order`),
      (rows: { counter_id: string }[]) => rows.length === 2,
      { what: 'the replayed event to be applied' },
    );
    const inbox: { event_id: string }[] = await dataSource.query('SELECT event_id FROM inbox ORDER BY processed_at');
    expect(inbox.map((row) => row.event_id)).toContain(poisoned.eventId);
    await expect(store.replay(group, ['0:999999'])).rejects.toThrow('no letter at 0:999999');
  });
});
