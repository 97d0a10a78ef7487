import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { LOCAL_TEST_BROKER, localBrokerSasl, testInfrastructure, uniqueSuffix } from '@cmp/testing';
import { createKafka, KafkaSasl } from '../src';

/**
 * The broker the tests and `npm start` use authenticates every client (SASL/SCRAM-SHA-512) and
 * allows each service principal only what the ACLs made from libs/contracts grant it.
 */
/** TOPIC_AUTHORIZATION_FAILED, whether kafkajs hands it on as it is or wrapped as non-retriable. */
const TOPIC_AUTHORIZATION_FAILED = 'Not authorized to access topics: [Topic authorization failed]';

describe('the broker’s authentication and ACLs', () => {
  const infra = testInfrastructure();
  if (infra.mode !== 'local') throw new Error('the ACL tests need the broker started from infra/kafka (unset KAFKA_BROKERS)');
  const matching = localBrokerSasl('cmp-matching');

  /** A client that gives up at once: an authorisation failure is not worth retrying. */
  const clientAs = (sasl: KafkaSasl | undefined, clientId: string) =>
    new Kafka({ brokers: infra.kafkaBrokers, clientId, sasl: sasl && { ...sasl }, logLevel: logLevel.NOTHING, connectionTimeout: 3000, retry: { retries: 0 } });

  async function produceAs(sasl: KafkaSasl, topic: string): Promise<void> {
    const producer = clientAs(sasl, 'acl-test-producer').producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await producer.send({ topic, messages: [{ key: 'acl-test', value: '{}' }] });
    } finally {
      await producer.disconnect();
    }
  }

  it('keeps each password secret to its data dir and unlike any name', () => {
    expect(statSync(join(LOCAL_TEST_BROKER.dataDir, 'credentials.properties')).mode & 0o777).toBe(0o600);
    for (const user of ['cmp-admin', 'cmp-enrolment', 'cmp-matching', 'cmp-scheduling', 'cmp-notifications', 'cmp-evaluation', 'cmp-gateway']) {
      const { password } = localBrokerSasl(user);
      expect(password).toMatch(/^[0-9a-f]{48}$/);
      expect(password).not.toContain(user.replace('cmp-', ''));
    }
  });

  it('lets a service create and write a topic of its own', async () => {
    // Not cmp.matching.events itself: other suites read that from the start and would trip over
    // a record that is no CloudEvent.
    const topic = `cmp.matching.acl-${uniqueSuffix()}`;
    const admin = createKafka({ brokers: infra.kafkaBrokers, sasl: matching, clientId: 'acl-test-create' }).admin();
    await admin.connect();
    try {
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1 }] });
    } finally {
      await admin.disconnect();
    }
    await expect(produceAs(matching, topic)).resolves.toBeUndefined();
  });

  it('refuses a service that writes another service’s topic', async () => {
    await expect(produceAs(matching, 'cmp.enrolment.events')).rejects.toThrow(TOPIC_AUTHORIZATION_FAILED);
    await expect(produceAs(localBrokerSasl('cmp-gateway'), 'cmp.matching.events')).rejects.toThrow(TOPIC_AUTHORIZATION_FAILED);
    await expect(produceAs(matching, 'scheduling.dlq')).rejects.toThrow(TOPIC_AUTHORIZATION_FAILED);
  });

  it('refuses a service that reads a topic it does not consume', async () => {
    // matching consumes enrolment's events but not the gateway's (sign-in links).
    const admin = clientAs(matching, 'acl-test-offsets').admin();
    await admin.connect();
    try {
      await expect(admin.fetchTopicOffsets('cmp.enrolment.events')).resolves.toHaveLength(6);
    } finally {
      await admin.disconnect();
    }
    const consumer = clientAs(matching, 'acl-test-consumer').consumer({ groupId: 'matching', allowAutoTopicCreation: false });
    await consumer.connect();
    try {
      await expect(consumer.subscribe({ topics: ['cmp.gateway.events'], fromBeginning: true })).rejects.toThrow(TOPIC_AUTHORIZATION_FAILED);
    } finally {
      await consumer.disconnect();
    }
  });

  it('refuses a service that joins another service’s consumer group', async () => {
    // The first use of any group creates the offsets topic, which is worth the client's retries.
    const admin = createKafka({ brokers: infra.kafkaBrokers, sasl: matching, clientId: 'acl-test-group' }).admin();
    await admin.connect();
    try {
      await expect(admin.fetchOffsets({ groupId: 'matching', topics: ['cmp.enrolment.events'] })).resolves.toHaveLength(1);
      await expect(admin.fetchOffsets({ groupId: 'scheduling', topics: ['cmp.enrolment.events'] })).rejects.toThrow(/authori[sz]|coordinator|broker/i);
    } finally {
      await admin.disconnect();
    }
  });

  it('refuses a client without credentials and one with a wrong password', async () => {
    const anonymous = clientAs(undefined, 'acl-test-anonymous').admin();
    await expect(anonymous.connect().then(() => anonymous.listTopics())).rejects.toThrow();
    await anonymous.disconnect();

    const impostor = clientAs({ ...matching, password: `${matching.password}x` }, 'acl-test-impostor').admin();
    await expect(impostor.connect()).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });
    await impostor.disconnect();
  });

  it('lets the admin do what the tests and tooling need', async () => {
    const admin = createKafka({ brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clientId: 'acl-test-admin' }).admin();
    await admin.connect();
    try {
      expect(await admin.listTopics()).toEqual(expect.arrayContaining(['cmp.enrolment.events', 'cmp.enrolment.contacts', 'matching.dlq']));
    } finally {
      await admin.disconnect();
    }
  });
});
