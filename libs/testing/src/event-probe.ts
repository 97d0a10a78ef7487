import { Consumer, Kafka, logLevel } from 'kafkajs';
import { CloudEvent, fromKafkaBinaryMessage } from '@cmp/contracts';
import { testInfrastructure } from './test-infrastructure';
import { uniqueSuffix } from './scratch-schema';
import { waitFor } from './wait-for';

export interface ProbedEvent {
  readonly topic: string;
  readonly key: string | null;
  readonly event: CloudEvent<unknown>;
}

/**
 * Reads topics from the beginning with a group of its own and keeps every CloudEvent it sees,
 * so a test can ask what a command emitted (filtering by the correlation id it sent).
 */
export class EventProbe {
  private readonly seen: ProbedEvent[] = [];

  private constructor(private readonly consumer: Consumer) {}

  static async start(topics: string[]): Promise<EventProbe> {
    const { kafkaBrokers, kafkaSasl } = testInfrastructure();
    const kafka = new Kafka({ brokers: kafkaBrokers, sasl: kafkaSasl && { ...kafkaSasl }, clientId: 'event-probe', logLevel: logLevel.ERROR });
    const consumer = kafka.consumer({ groupId: `event-probe-${uniqueSuffix()}`, maxWaitTimeInMs: 100 });
    const probe = new EventProbe(consumer);
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        probe.seen.push({ topic, key: message.key?.toString() ?? null, event: fromKafkaBinaryMessage(message) });
      },
    });
    await joined;
    return probe;
  }

  events(filter: (event: ProbedEvent) => boolean = () => true): ProbedEvent[] {
    return this.seen.filter(filter);
  }

  byCorrelation(correlationId: string): ProbedEvent[] {
    return this.events(({ event }) => event.correlationid === correlationId);
  }

  /** Waits for `count` events to match, then a little longer to catch any that should not be there. */
  async expectExactly(filter: (event: ProbedEvent) => boolean, count: number, settleMs = 1500): Promise<ProbedEvent[]> {
    await waitFor(async () => this.events(filter).length, (n) => n >= count, { timeoutMs: 30_000, what: `${count} events` });
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    return this.events(filter);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
