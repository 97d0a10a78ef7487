import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { createKafka, TopicProvisioner } from '../src';
import { testInfrastructure, uniqueSuffix } from '@cmp/testing';

/**
 * Every service provisions the topics it uses at start-up, and on a fresh broker they all start
 * at once: while one is creating a topic, another may find it half made (no leader yet, or not
 * in the metadata). Each must still come up.
 */
describe('topic provisioning by services starting together', () => {
  it('succeeds for every provisioner racing for the same new topics', async () => {
    const { kafkaBrokers, kafkaSasl } = testInfrastructure();
    const topics = [1, 2, 3].map((n) => `cmp.sample.race-${uniqueSuffix()}-${n}`);
    const provisioners = Array.from({ length: 6 }, (_, index) => new TopicProvisioner(createKafka({ brokers: kafkaBrokers, sasl: kafkaSasl, clientId: `race-${index}` })));
    try {
      await Promise.all(provisioners.map((provisioner) => provisioner.ensure(topics)));
      const admin = createKafka({ brokers: kafkaBrokers, sasl: kafkaSasl, clientId: 'race-check' }).admin();
      await admin.connect();
      try {
        const metadata = await admin.fetchTopicMetadata({ topics });
        expect(metadata.topics.map((topic) => [topic.name, topic.partitions.length]).sort()).toEqual(topics.map((topic) => [topic, 6]).sort());
      } finally {
        await admin.disconnect();
      }
    } finally {
      await Promise.all(provisioners.map((provisioner) => provisioner.close()));
    }
  });

  it('returns only when a producer and a consumer can use every partition at once', async () => {
    const { kafkaBrokers, kafkaSasl } = testInfrastructure();
    // No retries: a partition whose leader the broker has not loaded yet ("does not host this
    // topic-partition", the first `npm start` failure) would fail the send instead of being waited out.
    const impatient = new Kafka({ brokers: kafkaBrokers, sasl: kafkaSasl && { ...kafkaSasl }, clientId: 'leaders-check', logLevel: logLevel.NOTHING, retry: { retries: 0 } });
    for (let round = 0; round < 3; round += 1) {
      const topics = [1, 2].map((n) => `cmp.sample.leaders-${uniqueSuffix()}-${n}`);
      const provisioner = new TopicProvisioner(createKafka({ brokers: kafkaBrokers, sasl: kafkaSasl, clientId: 'leaders' }));
      const producer = impatient.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
      const admin = impatient.admin();
      try {
        await provisioner.ensure(topics);
        await producer.connect();
        await admin.connect();
        for (const topic of topics) {
          await producer.send({ topic, messages: Array.from({ length: 6 }, (_, partition) => ({ partition, value: 'x' })) });
          const offsets = await admin.fetchTopicOffsets(topic);
          expect(offsets.map(({ high }) => high)).toEqual(['1', '1', '1', '1', '1', '1']);
        }
      } finally {
        await producer.disconnect();
        await admin.disconnect();
        await provisioner.close();
      }
    }
  });
});
