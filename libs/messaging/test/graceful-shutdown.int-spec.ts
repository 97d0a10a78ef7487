import { NestFactory } from '@nestjs/core';
import { Partitioners } from 'kafkajs';
import { DataSource } from 'typeorm';
import { toKafkaBinaryMessage } from '@cmp/contracts';
import { ScratchSchema, testInfrastructure, uniqueSuffix } from '@cmp/testing';
import { connectEventConsumer, createKafka, TopicProvisioner } from '../src';
import { counterIncremented } from './sample/sample-contracts';
import { sampleConsumerModule } from './sample/sample-consumer.module';
import { openSampleDatabase } from './sample/sample-database';

describe('graceful shutdown of a consumer', () => {
  const infra = testInfrastructure();
  const service = `sample-${uniqueSuffix()}`;
  const group = `${service}-effects`;
  const contract = counterIncremented(service);
  let schema: ScratchSchema;
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ schema, dataSource } = await openSampleDatabase('shutdown'));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await schema?.drop();
  });

  it('finishes the message in flight, commits its effect and its offset before it stops', async () => {
    let started: () => void = () => undefined;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    const app = await NestFactory.create(
      sampleConsumerModule({
        service,
        schema: schema.name,
        databaseUrl: schema.databaseUrl,
        brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl,
        slowHandlerMs: 1500,
        onHandlerStarted: () => started(),
      }),
      { logger: false },
    );
    connectEventConsumer(app, { groupId: group });
    await app.startAllMicroservices();
    await app.init();

    const kafka = createKafka({ brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clientId: 'shutdown-test' });
    await new TopicProvisioner(kafka).ensure([contract.topic]);
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const message = toKafkaBinaryMessage({
      specversion: '1.0',
      id: `slow-${uniqueSuffix()}`,
      source: '/cmp/test',
      type: contract.type,
      time: new Date().toISOString(),
      subject: 'slow-1',
      datacontenttype: 'application/json',
      correlationid: 'shutdown-test',
      data: { counterId: 'slow-1', sequence: 1 },
    });
    await producer.send({ topic: contract.topic, messages: [message] });
    await producer.disconnect();

    await handlerStarted;
    await app.close(); // what SIGTERM triggers through Nest's shutdown hooks

    const effects = await dataSource.query('SELECT event_id FROM effects');
    expect(effects).toEqual([{ event_id: message.headers.ce_id }]);
    const admin = kafka.admin();
    await admin.connect();
    const [{ partitions }] = await admin.fetchOffsets({ groupId: group, topics: [contract.topic] });
    await admin.disconnect();
    const committed = partitions.reduce((sum, partition) => sum + Math.max(0, Number(partition.offset)), 0);
    expect(committed).toBe(1);
  });
});
