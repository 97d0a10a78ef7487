import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { type EventContract, toKafkaBinaryMessage } from '@cmp/contracts';
import { testInfrastructure } from './test-infrastructure';

export interface PublishOptions {
  /** The event's id; a fresh one unless given (give one to publish a duplicate). */
  readonly id?: string;
  /** CloudEvents `time`; the real time unless given (pass the test's clock when a rule reads it). */
  readonly time?: Date;
  /** `test-<id>` unless given, so a test can find what its own event caused. */
  readonly correlationId?: string;
  /** CloudEvents `source`; `/cmp/<producing service>` unless given. */
  readonly source?: string;
}

/**
 * Publishes events as their producing service would (CloudEvents in binary mode on the
 * contract's topic, keyed by the aggregate), so a test can feed a consumer without running the
 * producer. `data: null` publishes a tombstone.
 */
export class TestEventPublisher {
  private constructor(private readonly producer: Producer) {}

  static async connect(clientId = 'test-event-publisher'): Promise<TestEventPublisher> {
    const { kafkaBrokers, kafkaSasl } = testInfrastructure();
    const kafka = new Kafka({ brokers: kafkaBrokers, sasl: kafkaSasl && { ...kafkaSasl }, clientId, logLevel: logLevel.ERROR });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return new TestEventPublisher(producer);
  }

  /** Publishes one event and resolves with its id once the broker has it. */
  async publish<T extends object>(contract: EventContract<T>, key: string, data: T | null, options: PublishOptions = {}): Promise<string> {
    const id = options.id ?? randomUUID();
    const event = {
      specversion: '1.0' as const,
      id,
      source: options.source ?? `/cmp/${contract.service}`,
      type: contract.type,
      time: (options.time ?? new Date()).toISOString(),
      subject: key,
      datacontenttype: 'application/json' as const,
      correlationid: options.correlationId ?? `test-${id}`,
      data,
    };
    await this.producer.send({ topic: contract.topic, messages: [toKafkaBinaryMessage(event, key)] });
    return id;
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }
}
