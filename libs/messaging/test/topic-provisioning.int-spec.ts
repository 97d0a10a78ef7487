import { createKafka, TopicProvisioner } from '../src';
import { testInfrastructure, uniqueSuffix } from '@cmp/testing';

/**
 * Every service provisions the topics it uses at start-up, and on a fresh broker they all start
 * at once: while one is creating a topic, another may find it half made (no leader yet, or not
 * in the metadata). Each must still come up.
 */
describe('topic provisioning by services starting together', () => {
  it('succeeds for every provisioner racing for the same new topics', async () => {
    const { kafkaBrokers } = testInfrastructure();
    const topics = [1, 2, 3].map((n) => `cmp.sample.race-${uniqueSuffix()}-${n}`);
    const provisioners = Array.from({ length: 6 }, (_, index) => new TopicProvisioner(createKafka({ brokers: kafkaBrokers, clientId: `race-${index}` })));
    try {
      await Promise.all(provisioners.map((provisioner) => provisioner.ensure(topics)));
      const admin = createKafka({ brokers: kafkaBrokers, clientId: 'race-check' }).admin();
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
});
