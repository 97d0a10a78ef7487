import { backOff } from 'exponential-backoff';
import { Kafka, logLevel } from 'kafkajs';
import { testInfrastructure } from './test-infrastructure';

/**
 * Commits the current end of every partition of `topics` as the starting point of a consumer
 * group that has not joined yet, so a service under test reads only what is published from now
 * on instead of every event earlier tests left on the shared broker. Committing before the group
 * joins leaves no window in which an event published by the test could be skipped. Connects as
 * the test run's admin: the group is the service's, which only its own principal may join.
 */
export async function startConsumerGroupAtEnd(brokers: readonly string[], groupId: string, topics: readonly string[]): Promise<void> {
  // A broker that an earlier suite has just restarted may not have its partition leaders back;
  // each attempt starts from a fresh client so that it also starts from fresh metadata.
  await backOff(() => commitEnds(brokers, groupId, topics), {
    numOfAttempts: 10,
    startingDelay: 200,
    timeMultiple: 2,
    maxDelay: 3_000,
    retry: (error: { retriable?: boolean }) => error.retriable === true,
  });
}

async function commitEnds(brokers: readonly string[], groupId: string, topics: readonly string[]): Promise<void> {
  const sasl = testInfrastructure().kafkaSasl;
  const admin = new Kafka({ clientId: `offsets-${groupId}`, brokers: [...brokers], sasl: sasl && { ...sasl }, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({ groupId, topic, partitions: ends.map(({ partition, high }) => ({ partition, offset: high })) });
    }
  } finally {
    await admin.disconnect();
  }
}
