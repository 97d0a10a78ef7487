import { backOff } from 'exponential-backoff';
import { Admin, Kafka } from 'kafkajs';
import { deadLetterTopic, isCompactedTopic } from '@cmp/contracts';

const DEAD_LETTER_SUFFIX = deadLetterTopic('');
const isDeadLetterTopic = (topic: string) => topic.endsWith(DEAD_LETTER_SUFFIX);

export interface TopicSettings {
  /** Several partitions so that consumers can scale out; keys keep per-entity order. */
  readonly partitions: number;
  readonly replicationFactor: number;
  /**
   * Compacted topics only: the longest a superseded record (an erased person's contact before
   * its tombstone) may stay uncompacted, and the age at which a segment is rolled so that the
   * cleaner may reach it. Without them the active segment, and what it holds, stays for ever.
   */
  readonly compaction?: CompactionBounds;
  /**
   * How long an event stays on a (not compacted) topic: how far back a consumer group may fall,
   * or re-read after losing its offsets, and still get it. The inbox keeps processed ids longer.
   */
  readonly eventRetentionMs: number;
  /** How long a dead letter waits for an operator (`npm run dlq`) before the broker drops it. */
  readonly deadLetterRetentionMs: number;
}

export interface CompactionBounds {
  readonly maxCompactionLagMs: number;
  readonly segmentMs: number;
  /** Tombstones are kept this long so that a consumer that is behind still sees the deletion. */
  readonly deleteRetentionMs: number;
  /** Below the broker's 0.5, so that a topic with few updates is still cleaned. */
  readonly minCleanableDirtyRatio?: number;
}

const HOUR_MS = 3_600_000;

/** Erased contact records leave the broker within a day: compaction within 6 h, segments rolled every 6 h. */
export const DEFAULT_COMPACTION_BOUNDS: CompactionBounds = {
  maxCompactionLagMs: 6 * HOUR_MS,
  segmentMs: 6 * HOUR_MS,
  deleteRetentionMs: 24 * HOUR_MS,
};

const TRANSIENT_TOPIC_ERRORS = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'NOT_CONTROLLER', 'REQUEST_TIMED_OUT', 'NOT_LEADER_FOR_PARTITION']);

const DAY_MS = 24 * HOUR_MS;

/**
 * A week of events (a consumer stopped over a long weekend still catches up) and four weeks for
 * dead letters (an alert may wait for the next working week, and the replay for its fix).
 */
export const DEFAULT_TOPIC_SETTINGS: TopicSettings = {
  partitions: 6,
  replicationFactor: 1,
  compaction: DEFAULT_COMPACTION_BOUNDS,
  eventRetentionMs: 7 * DAY_MS,
  deadLetterRetentionMs: 28 * DAY_MS,
};

const CREATE_ATTEMPTS = 8;
/** Leaders of new partitions are elected in well under a second; this bounds a sick broker. */
const LEADER_ATTEMPTS = 20;

const retryTransient = (error: { type?: string; retriable?: boolean }) => error.retriable === true || TRANSIENT_TOPIC_ERRORS.has(error.type ?? '');

/**
 * The topic configuration the provisioner creates a topic with. Retention is set on every topic
 * rather than left to the broker's default, because the inbox's retention is derived from it.
 */
export function topicConfigEntries(topic: string, settings: TopicSettings = DEFAULT_TOPIC_SETTINGS): { name: string; value: string }[] {
  if (!isCompactedTopic(topic)) {
    return [{ name: 'retention.ms', value: String(isDeadLetterTopic(topic) ? settings.deadLetterRetentionMs : settings.eventRetentionMs) }];
  }
  const bounds = settings.compaction ?? DEFAULT_COMPACTION_BOUNDS;
  return [
    { name: 'cleanup.policy', value: 'compact' },
    { name: 'max.compaction.lag.ms', value: String(bounds.maxCompactionLagMs) },
    { name: 'segment.ms', value: String(bounds.segmentMs) },
    { name: 'delete.retention.ms', value: String(bounds.deleteRetentionMs) },
    ...(bounds.minCleanableDirtyRatio === undefined ? [] : [{ name: 'min.cleanable.dirty.ratio', value: String(bounds.minCleanableDirtyRatio) }]),
  ];
}

/**
 * Creates topics before first use, so that their partition count is ours and not whatever the
 * broker's auto-creation default happens to be, and returns only once every partition of every
 * topic has a leader that hosts it: on a fresh KRaft broker CreateTopics answers when the
 * controller has committed the topic, before the broker that will host it has loaded it, and a
 * producer or consumer arriving in between is told "does not host this topic-partition" or "not
 * the leader". Remembers what is ready to stay off the hot path.
 */
export class TopicProvisioner {
  private readonly known = new Set<string>();
  private admin: Admin | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly settings: TopicSettings = DEFAULT_TOPIC_SETTINGS,
  ) {}

  async ensure(topics: Iterable<string>): Promise<void> {
    const missing = [...new Set(topics)].filter((topic) => !this.known.has(topic));
    if (missing.length === 0) return;
    // Another service starting at the same time may create the same topic: "already exists"
    // and a brief "unknown topic" while metadata catches up are both retried here.
    await backOff(() => this.create(missing), { numOfAttempts: CREATE_ATTEMPTS, startingDelay: 200, timeMultiple: 2, maxDelay: 2_000, retry: retryTransient });
    // Whoever created them, the topics are usable only when their leaders are known.
    await backOff(() => this.assertLeaders(missing), { numOfAttempts: LEADER_ATTEMPTS, startingDelay: 50, timeMultiple: 2, maxDelay: 1_000, retry: retryTransient });
    missing.forEach((topic) => this.known.add(topic));
  }

  private async create(missing: readonly string[]): Promise<void> {
    const admin = await this.connectedAdmin();
    const existing = new Set(await admin.listTopics());
    const toCreate = missing.filter((topic) => !existing.has(topic));
    if (toCreate.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: toCreate.map((topic) => ({
        topic,
        numPartitions: this.settings.partitions,
        replicationFactor: this.settings.replicationFactor,
        configEntries: topicConfigEntries(topic, this.settings),
      })),
    });
  }

  private async assertLeaders(topics: readonly string[]): Promise<void> {
    const admin = await this.connectedAdmin();
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics: [...topics] });
    for (const topic of topics) {
      const partitions = metadata.find((candidate) => candidate.name === topic)?.partitions ?? [];
      if (partitions.length === 0 || partitions.some((partition) => partition.leader < 0 || partition.partitionErrorCode !== 0)) {
        throw Object.assign(new Error(`topic ${topic} has partitions without a leader yet`), { type: 'LEADER_NOT_AVAILABLE' });
      }
    }
    // The broker publishes a new partition's leader in its metadata a moment before its replica
    // manager has created the partition: until then a produce is told "not the leader". Listing
    // every partition's offsets asks the leader itself, so it answers only once it hosts them.
    for (const topic of topics) await admin.fetchTopicOffsets(topic);
  }

  async close(): Promise<void> {
    await this.admin?.disconnect();
    this.admin = undefined;
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }
}
