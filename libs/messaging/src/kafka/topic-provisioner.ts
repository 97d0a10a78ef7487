import { backOff } from 'exponential-backoff';
import { Admin, Kafka } from 'kafkajs';
import { isCompactedTopic } from '@cmp/contracts';

export interface TopicSettings {
  /** Several partitions so that consumers can scale out; keys keep per-entity order. */
  readonly partitions: number;
  readonly replicationFactor: number;
}

const TRANSIENT_TOPIC_ERRORS = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'NOT_CONTROLLER', 'REQUEST_TIMED_OUT']);

export const DEFAULT_TOPIC_SETTINGS: TopicSettings = { partitions: 6, replicationFactor: 1 };

const CREATE_ATTEMPTS = 8;

/**
 * Creates topics before first use, so that their partition count is ours and not whatever the
 * broker's auto-creation default happens to be. Remembers what exists to stay off the hot path.
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
    // Right after a topic is created (by us or by another service starting at the same time)
    // the broker may briefly answer "does not host this topic-partition" or have no leader yet
    // while its metadata catches up; kafkajs gives up on that at once, so try again.
    await backOff(() => this.create(missing), {
      numOfAttempts: CREATE_ATTEMPTS,
      startingDelay: 200,
      timeMultiple: 2,
      maxDelay: 2_000,
      retry: (error: { type?: string; retriable?: boolean }) => error.retriable === true || TRANSIENT_TOPIC_ERRORS.has(error.type ?? ''),
    });
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
        configEntries: isCompactedTopic(topic) ? [{ name: 'cleanup.policy', value: 'compact' }] : [],
      })),
    });
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
