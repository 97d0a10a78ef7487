import { Kafka } from 'kafkajs';
import { ReadinessCheck } from '@cmp/platform';

/** Ready when the broker answers a metadata request within the connection timeout. */
export class BrokerReadinessCheck implements ReadinessCheck {
  readonly name = 'kafka';

  constructor(private readonly kafka: Kafka) {}

  async check(): Promise<void> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      await admin.describeCluster();
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
