import { Kafka } from 'kafkajs';
import { ReadinessCheck } from '@cmp/platform';

/**
 * Whether the broker answers a metadata request within the connection timeout. Optional: without
 * the broker a service still serves HTTP (state changes wait in the outbox), so a broker outage
 * shows as `degraded` and does not take every instance out of the load balancer.
 */
export class BrokerReadinessCheck implements ReadinessCheck {
  readonly name = 'kafka';
  readonly optional = true;

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
