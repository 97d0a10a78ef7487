import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { eventsTopic } from '@cmp/contracts';
import { faultKind } from './faults/fault-kind';
import { BrokerReadinessCheck } from './kafka/broker-readiness.check';
import { createKafka, KafkaSasl } from './kafka/kafka-client';
import { DEFAULT_TOPIC_SETTINGS, TopicProvisioner, TopicSettings } from './kafka/topic-provisioner';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './relay/outbox-relay';

export interface MessagingSettings {
  /** The service name: its schema, its topic `cmp.<service>.events` and its consumer group. */
  readonly service: string;
  /** The schema holding the outbox; defaults to the service name. */
  readonly schema?: string;
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  /** The service's own principal (`KAFKA_SASL_*`). */
  readonly sasl?: KafkaSasl;
  readonly topics?: TopicSettings;
  /** Topics the service publishes on besides `cmp.<service>.events`, created at start-up. */
  readonly extraTopics?: readonly string[];
  /** Run the outbox relay in this process (default). Turn off for a process that only reads. */
  readonly runRelay?: boolean;
  readonly clock?: () => Date;
}

export const MESSAGING_SETTINGS = Symbol('MESSAGING_SETTINGS');

@Injectable()
class OutboxRelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.runRelay !== false) this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

@Injectable()
class KafkaResources implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(KafkaResources.name);

  constructor(
    private readonly topics: TopicProvisioner,
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
  ) {}

  /**
   * The service's own topics exist before anyone subscribes to them or it first publishes. With
   * the broker away the service starts all the same: the relay makes sure of them again before it
   * publishes, and the admin's provisioning made them in the first place.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.settings.runRelay === false) return;
    try {
      await this.topics.ensure([eventsTopic(this.settings.service), ...(this.settings.extraTopics ?? [])]);
    } catch (error) {
      if (faultKind(error) !== 'transient') throw error;
      this.logger.warn(`the broker is not reachable at start (${(error as Error).message}); the service starts, and events wait in the outbox`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.topics.close();
  }
}

/**
 * The outbox (for writing events), its relay (for publishing them) and the broker check, for
 * one service. Consumers are connected separately with `connectEventConsumer`.
 */
@Module({})
export class MessagingModule {
  static forService(settings: MessagingSettings): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_SETTINGS, useValue: settings },
        { provide: Kafka, useFactory: () => createKafka({ brokers: settings.brokers, sasl: settings.sasl, clientId: `cmp-${settings.service}` }) },
        {
          provide: TopicProvisioner,
          inject: [Kafka],
          useFactory: (kafka: Kafka) => new TopicProvisioner(kafka, settings.topics ?? DEFAULT_TOPIC_SETTINGS),
        },
        { provide: Outbox, useFactory: () => new Outbox({ service: settings.service, clock: settings.clock }) },
        {
          provide: OutboxRelay,
          inject: [Kafka, TopicProvisioner],
          useFactory: (kafka: Kafka, topics: TopicProvisioner) =>
            new OutboxRelay({ databaseUrl: settings.databaseUrl, schema: settings.schema ?? settings.service, kafka, topics }),
        },
        { provide: BrokerReadinessCheck, inject: [Kafka], useFactory: (kafka: Kafka) => new BrokerReadinessCheck(kafka) },
        OutboxRelayLifecycle,
        KafkaResources,
      ],
      exports: [MESSAGING_SETTINGS, Kafka, TopicProvisioner, Outbox, OutboxRelay, BrokerReadinessCheck],
    };
  }
}
