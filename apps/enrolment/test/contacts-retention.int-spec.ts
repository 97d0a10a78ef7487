import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Admin, ConfigResourceTypes, Kafka, Partitioners } from 'kafkajs';
import { ContactPublished } from '@cmp/contracts';
import { createKafka, DEFAULT_TOPIC_SETTINGS, provisionKafka, TopicProvisioner, TopicSettings } from '@cmp/messaging';
import { applicationBody, hopSigning, testInfrastructure, uniqueSuffix, waitFor } from '@cmp/testing';
import { EnrolmentTestApp, startEnrolment } from './enrolment-test-app';

const COORDINATOR = 'coordinator:c-1';
const TOPIC = ContactPublished.topic;

/** Bounds small enough to watch: the production default is hours (CMP_COMPACTION_MAX_LAG_HOURS). */
const SMALL_BOUNDS: TopicSettings = {
  ...DEFAULT_TOPIC_SETTINGS,
  compaction: { maxCompactionLagMs: 1_000, segmentMs: 1_000, deleteRetentionMs: 60_000, minCleanableDirtyRatio: 0.01 },
};

interface StoredRecord {
  readonly offset: string;
  readonly key: string | undefined;
  readonly value: string | null;
}

/**
 * The compacted contacts topic is where notifications learns how to reach a person. After an
 * erasure enrolment publishes a tombstone; with the compaction lag bounded, the broker then
 * drops the record that held her email, so nobody reading the topic from its start finds it.
 */
describe('the contacts topic after an erasure', () => {
  const infra = testInfrastructure();
  let service: EnrolmentTestApp;
  let kafka: Kafka;
  let admin: Admin;

  /** Re-applies the topic settings through the provisioning code, as the admin does at start. */
  async function provisionContacts(settings: TopicSettings): Promise<void> {
    const provisioner = new TopicProvisioner(kafka, settings);
    try {
      await provisionKafka(admin, provisioner, { topics: [TOPIC], services: [], topicSettings: settings });
    } finally {
      await provisioner.close();
    }
  }

  async function setCleanerBackoff(ms: number): Promise<void> {
    await admin.alterConfigs({
      validateOnly: false,
      resources: [{ type: ConfigResourceTypes.BROKER, name: '1', configEntries: [{ name: 'log.cleaner.backoff.ms', value: String(ms) }] }],
    });
  }

  /** Everything the broker still stores in one partition, read from offset 0. */
  async function readPartition(partition: number): Promise<StoredRecord[]> {
    const high = Number((await admin.fetchTopicOffsets(TOPIC)).find((offsets) => offsets.partition === partition)?.high ?? 0);
    if (high === 0) return [];
    const consumer = kafka.consumer({ groupId: `contacts-reader-${uniqueSuffix()}`, maxWaitTimeInMs: 100 });
    const records: StoredRecord[] = [];
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`partition ${partition} not read up to ${high} in 30 s`)), 30_000);
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition: from, message }) => {
              if (from !== partition) return;
              records.push({ offset: message.offset, key: message.key?.toString(), value: message.value?.toString() ?? null });
              if (Number(message.offset) >= high - 1) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    return records;
  }

  beforeAll(async () => {
    kafka = createKafka({ brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clientId: 'contacts-retention-test' });
    admin = kafka.admin();
    await admin.connect();
    await provisionContacts(SMALL_BOUNDS);
    await setCleanerBackoff(500);
    service = await startEnrolment();
  });

  afterAll(async () => {
    await service?.close();
    if (admin) {
      await provisionContacts(DEFAULT_TOPIC_SETTINGS);
      await setCleanerBackoff(15_000);
      await admin.disconnect();
    }
  });

  function call(method: 'post', path: string, body?: object) {
    const req = request(hopSigning(service.app, 'enrolment'))[method](path).set('x-correlation-id', `test-${randomUUID()}`).set('x-actor', COORDINATOR);
    return body === undefined ? req : req.send(body);
  }

  it('creates the contacts topic with a bounded compaction lag and segment age', async () => {
    const described = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: TOPIC }] });
    const configs = Object.fromEntries(described.resources[0].configEntries.map((entry) => [entry.configName, entry.configValue]));
    expect(configs).toMatchObject({ 'cleanup.policy': 'compact', 'max.compaction.lag.ms': '1000', 'segment.ms': '1000' });
  });

  it('no longer holds an erased person’s email when the topic is read from offset 0', async () => {
    const cohort = (await call('post', '/cohorts', { name: 'Spring 2027', startsOn: '2027-02-01', applicationDeadline: '2027-01-15', capacity: 30 }).expect(201)).body;
    await call('post', `/cohorts/${cohort.id}/open`).expect(200);
    const body = applicationBody({ cohortId: cohort.id });
    const mentee = (await call('post', '/applications', body).expect(201)).body;

    // Her contact record is published: find the partition it lives in (the control).
    let partition = -1;
    await waitFor(
      async () => {
        for (let candidate = 0; candidate < DEFAULT_TOPIC_SETTINGS.partitions; candidate += 1) {
          const records = await readPartition(candidate);
          if (records.some((record) => record.key === mentee.id && record.value?.includes(body.email))) partition = candidate;
        }
        return partition;
      },
      (found) => found >= 0,
      { what: 'the contact record with her email on the topic', intervalMs: 500 },
    );

    await call('post', `/people/${mentee.id}/erase`).expect(204);
    await waitFor(
      () => readPartition(partition),
      (records) => records.some((record) => record.key === mentee.id && record.value === null),
      { what: 'the tombstone of her contact record', intervalMs: 500 },
    );

    // A segment rolls when a record arrives after segment.ms, and the cleaner never touches the
    // active segment: a later record of someone else closes the one holding the tombstone.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: TOPIC, messages: [{ partition, key: `filler-${randomUUID()}`, value: null }] });
    await producer.disconnect();

    const remaining = await waitFor(
      () => readPartition(partition),
      (records) => !records.some((record) => record.value?.includes(body.email)),
      { what: 'the broker to compact her contact record away', intervalMs: 1_000, timeoutMs: 90_000 },
    );
    expect(remaining.filter((record) => record.key === mentee.id).map((record) => record.value)).toEqual([null]);
  });
});
