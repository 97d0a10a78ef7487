import { randomUUID } from 'node:crypto';
import { IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { deadLetterTopic } from '@cmp/contracts';

/** A dead letter as an operator reads it: where it came from, why it was given up on. */
export interface StoredDeadLetter {
  /** `<partition>:<offset>` in the dead-letter topic: how `replay` names it. */
  readonly position: string;
  readonly consumerGroup: string;
  readonly originalTopic: string;
  readonly originalPartition: number;
  readonly originalOffset: string;
  readonly reason: string;
  readonly error: string;
  readonly attempts: number;
  readonly failedAt: string;
  readonly eventId?: string;
  readonly eventType?: string;
  readonly key: string | null;
  readonly value: string | null;
}

const DLQ_HEADER_PREFIX = 'dlq_';

/**
 * Reads the dead-letter topics (`<group>.dlq`) and puts letters back on their original topic.
 * A replayed letter is the original message again (key, value, CloudEvents headers), so every
 * group reading that topic sees it; the groups that had applied it skip it by their inbox, and
 * the group that gave up on it applies it now that its cause is mended.
 */
export class DeadLetterStore {
  constructor(private readonly kafka: Kafka) {}

  /** The consumer groups that have a dead-letter topic. */
  async groups(): Promise<string[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return (await admin.listTopics())
        .filter((topic) => topic.endsWith('.dlq'))
        .map((topic) => topic.slice(0, -'.dlq'.length))
        .sort();
    } finally {
      await admin.disconnect();
    }
  }

  /** Every letter of a group, in the order of the original topic, read without moving any group's offsets. */
  async list(consumerGroup: string): Promise<StoredDeadLetter[]> {
    return (await this.read(consumerGroup)).map(({ letter }) => letter);
  }

  private async read(consumerGroup: string): Promise<{ letter: StoredDeadLetter; message: KafkaMessage }[]> {
    const topic = deadLetterTopic(consumerGroup);
    const admin = this.kafka.admin();
    await admin.connect();
    let ends: { partition: number; high: string; low: string }[];
    try {
      if (!(await admin.listTopics()).includes(topic)) return [];
      ends = await admin.fetchTopicOffsets(topic);
    } finally {
      await admin.disconnect();
    }
    const pending = new Map(ends.filter((end) => BigInt(end.high) > BigInt(end.low)).map((end) => [end.partition, BigInt(end.high)]));
    if (pending.size === 0) return [];

    const letters: { letter: StoredDeadLetter; message: KafkaMessage }[] = [];
    // A throwaway group that commits nothing: reading letters must not change what anyone reads next.
    const consumer = this.kafka.consumer({ groupId: `dlq-reader-${randomUUID()}`, allowAutoTopicCreation: false });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              letters.push({ letter: toStoredLetter(consumerGroup, partition, message), message });
              const end = pending.get(partition);
              if (end !== undefined && BigInt(message.offset) + 1n >= end) pending.delete(partition);
              if (pending.size === 0) resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    return letters.sort(
      ({ letter: a }, { letter: b }) =>
        a.originalTopic.localeCompare(b.originalTopic) || a.originalPartition - b.originalPartition || Number(BigInt(a.originalOffset) - BigInt(b.originalOffset)),
    );
  }

  /**
   * Publishes the chosen letters (all of the group's when `positions` is empty) to their original
   * topics, under their original keys and headers without the `dlq_*` ones. Returns how many.
   */
  async replay(consumerGroup: string, positions: readonly string[] = []): Promise<StoredDeadLetter[]> {
    const letters = await this.read(consumerGroup);
    const unknown = positions.filter((position) => !letters.some(({ letter }) => letter.position === position));
    if (unknown.length > 0) throw new Error(`no letter at ${unknown.join(', ')} in ${deadLetterTopic(consumerGroup)}`);
    const chosen = positions.length === 0 ? letters : letters.filter(({ letter }) => positions.includes(letter.position));
    if (chosen.length === 0) return [];
    const producer = this.kafka.producer({ idempotent: true });
    await producer.connect();
    try {
      for (const { letter, message } of chosen) {
        await producer.send({ topic: letter.originalTopic, acks: -1, messages: [{ key: message.key, value: message.value, headers: withoutDeadLetterHeaders(message.headers) }] });
      }
    } finally {
      await producer.disconnect();
    }
    return chosen.map(({ letter }) => letter);
  }
}

function withoutDeadLetterHeaders(headers: IHeaders | undefined): IHeaders {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name, value]) => !name.startsWith(DLQ_HEADER_PREFIX) && value !== undefined));
}

function toStoredLetter(consumerGroup: string, partition: number, message: KafkaMessage): StoredDeadLetter {
  const header = (name: string) => message.headers?.[name]?.toString();
  return {
    position: `${partition}:${message.offset}`,
    consumerGroup,
    originalTopic: header('dlq_original_topic') ?? '',
    originalPartition: Number(header('dlq_original_partition') ?? -1),
    originalOffset: header('dlq_original_offset') ?? '',
    reason: header('dlq_reason') ?? '',
    error: header('dlq_error') ?? '',
    attempts: Number(header('dlq_attempts') ?? 0),
    failedAt: header('dlq_failed_at') ?? '',
    eventId: header('ce_id'),
    eventType: header('ce_type'),
    key: message.key?.toString() ?? null,
    value: message.value?.toString() ?? null,
  };
}
