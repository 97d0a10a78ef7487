import { Admin, Kafka } from 'kafkajs';
import { isCompactedTopic } from '@cmp/contracts';

export interface TopicSettings {
  /** Several partitions so that consumers can scale out; keys keep per-entity order. */
  readonly partitions: number;
  readonly replicationFactor: number;
}

export const DEFAULT_TOPIC_SETTINGS: TopicSettings = { partitions: 6, replicationFactor: 1 };

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
    const admin = await this.connectedAdmin();
    const existing = new Set(await admin.listTopics());
    const toCreate = missing.filter((topic) => !existing.has(topic));
    if (toCreate.length > 0) {
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
    missing.forEach((topic) => this.known.add(topic));
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
