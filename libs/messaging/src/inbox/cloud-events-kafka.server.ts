import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { backOff } from 'exponential-backoff';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage, Partitioners, Producer } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { DataSource, EntityManager } from 'typeorm';
import {
  CloudEvent,
  deadLetterTopic,
  EnvelopeError,
  EventValidationError,
  findEventContract,
  fromKafkaBinaryMessage,
  isEventType,
  topicOfEventType,
  validateEventData,
} from '@cmp/contracts';
import { correlationContext, getOrCreateCounter, getOrCreateGauge } from '@cmp/platform';
import { faultKind } from '../faults/fault-kind';
import { TopicProvisioner } from '../kafka/topic-provisioner';
import { DeadLetterReason, sendToDeadLetterTopic } from './dead-letter';
import { InboxContext } from './inbox-context';

export interface CloudEventsConsumerSettings {
  readonly kafka: Kafka;
  readonly topics: TopicProvisioner;
  readonly dataSource: DataSource;
  /** One group per service: instances share the partitions, and the inbox is keyed by it. */
  readonly groupId: string;
  /** Attempts per message before it is dead-lettered (the first try included). */
  readonly maxAttempts?: number;
  readonly initialRetryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  /** Consecutive good messages applied in one transaction on the fast path. */
  readonly transactionBatchSize?: number;
  readonly partitionsConsumedConcurrently?: number;
  /** How long the group waits for a silent member before giving its partitions to another. */
  readonly sessionTimeoutMs?: number;
}

/** A message ready to apply: decoded, validated, and with a handler to apply it. */
interface Applicable {
  readonly message: KafkaMessage;
  /** Data is null only for a tombstone on a compacted topic. */
  readonly event: CloudEvent<object>;
  readonly handler: MessageHandler;
}

type Decoded =
  | { readonly kind: 'apply'; readonly item: Applicable }
  | { readonly kind: 'ignore'; readonly message: KafkaMessage }
  | { readonly kind: 'dead'; readonly message: KafkaMessage; readonly reason: DeadLetterReason; readonly error: Error };

/** What a batch's retries need of kafkajs: whether to go on, and keeping the group's lease. */
interface BatchControl {
  isRunning(): boolean;
  isStale(): boolean;
  heartbeat(): Promise<void>;
}

class ConsumerStoppedError extends Error {
  override readonly name = 'ConsumerStoppedError';
}

const consumedCounter = () =>
  getOrCreateCounter({ name: 'cmp_events_consumed_total', help: 'Events applied by handlers', labelNames: ['group', 'topic'] });
const duplicateCounter = () =>
  getOrCreateCounter({ name: 'cmp_events_duplicate_total', help: 'Redelivered events skipped by the inbox', labelNames: ['group', 'topic'] });
const deadLetterCounter = () =>
  getOrCreateCounter({ name: 'cmp_events_dead_lettered_total', help: 'Messages sent to a dead-letter topic', labelNames: ['group', 'topic', 'reason'] });
const transientCounter = () =>
  getOrCreateCounter({ name: 'cmp_events_transient_retries_total', help: 'Tries of a batch that met a transient fault and were retried', labelNames: ['group', 'topic'] });
const lagGauge = () =>
  getOrCreateGauge({ name: 'cmp_consumer_lag', help: 'Messages behind the partition high watermark', labelNames: ['group', 'topic', 'partition'] });

/**
 * A @nestjs/microservices transport that consumes CloudEvents from Kafka with exactly-once
 * effects. Handlers are ordinary `@EventPattern(SomeEvent.type)` methods; the pattern is the
 * event's wire name and the topic follows from it. Each handler receives the validated event and
 * an {@link InboxContext} whose transaction also records `(group, event id)` in the inbox, so a
 * redelivered event is skipped.
 *
 * - Fast path: consecutive good messages of a batch are applied in one transaction.
 * - A transient fault (database or broker away, deadlock, serialisation failure) is retried
 *   with backoff for as long as it lasts, the partition held meanwhile: no event is given up on
 *   because something else was down.
 * - Any other failure: the messages are applied one by one, each retried with backoff; a
 *   message that still fails goes to `<group>.dlq` and the partition moves on.
 * - Unreadable envelopes and data failing its contract go to the dead-letter topic at once.
 * - Offsets are resolved only after the effects are committed (or the letter is sent).
 */
export class CloudEventsKafkaServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger(CloudEventsKafkaServer.name);
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;
  private readonly maxAttempts: number;
  private readonly transactionBatchSize: number;
  /** Nest's pattern lookup parses the pattern on every call; handlers never change once listening. */
  private readonly handlersByType = new Map<string, MessageHandler | null>();
  private joinedGroup: () => void = () => undefined;
  private closing = false;
  private readonly joined = new Promise<void>((resolve) => (this.joinedGroup = resolve));

  constructor(private readonly settings: CloudEventsConsumerSettings) {
    super();
    this.maxAttempts = settings.maxAttempts ?? 5;
    this.transactionBatchSize = settings.transactionBatchSize ?? 500;
  }

  /**
   * Connects the consumers. With the broker away the service still starts (it serves HTTP, its
   * writes wait in the outbox) and connects them once the broker answers; any other failure,
   * such as refused credentials or a handler without a contract, stops the start.
   */
  async listen(callback: (error?: unknown) => void): Promise<void> {
    let topics: string[];
    try {
      topics = this.subscribedTopics();
      await this.start(topics);
    } catch (error) {
      if (faultKind(error) !== 'transient') return callback(error);
      await this.disconnect();
      this.logger.warn(`the broker is not reachable (${(error as Error).message}); consumers connect when it is back`);
      void this.connectWhenBack(this.subscribedTopics());
    }
    callback();
  }

  /** Waits for the batch in flight to finish, then leaves the group. */
  async close(): Promise<void> {
    this.closing = true;
    await this.disconnect();
  }

  private async disconnect(): Promise<void> {
    const { consumer, producer } = this;
    this.consumer = undefined;
    this.producer = undefined;
    await consumer?.disconnect().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
  }

  /**
   * Tries again with backoff until the consumers are connected or the service stops. Every error
   * is tried again here, not only a broker that is away: a broker coming back answers for a while
   * with leaders not yet elected and metadata not yet loaded, and a service that gave up would
   * serve on without ever consuming, which nobody would notice.
   */
  private async connectWhenBack(topics: string[]): Promise<void> {
    await backOff(
      async () => {
        if (this.closing) return;
        try {
          await this.start(topics);
        } catch (error) {
          await this.disconnect();
          throw error;
        }
        if (this.closing) await this.disconnect();
        else this.logger.log('the broker is back: consumers connected');
      },
      {
        numOfAttempts: Number.MAX_SAFE_INTEGER,
        startingDelay: 500,
        maxDelay: 5000,
        jitter: 'full',
        retry: (error: Error, attempt: number) => {
          if (this.closing) return false;
          if (attempt === 1 || attempt % 10 === 0) {
            const kind = faultKind(error) === 'transient' ? 'the broker is still not reachable' : 'consumers could not connect yet';
            this.logger.warn(`${kind} (try ${attempt}): ${error.message}`);
          }
          return true;
        },
      },
    ).catch((error: Error) => this.logger.error(`consumers are not connected: ${error.message}`));
  }

  /** Resolves once the consumer has joined its group and has partitions to read. */
  whenJoined(): Promise<void> {
    return this.joined;
  }

  on(): never {
    throw new Error('CloudEventsKafkaServer does not emit status events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  /**
   * The topics this service's handlers listen on: the topic the event's contract declares (a
   * compacted topic such as `cmp.enrolment.contacts`), else the producer's `cmp.<service>.events`.
   */
  subscribedTopics(): string[] {
    const patterns = [...this.messageHandlers.keys()];
    const invalid = patterns.filter((pattern) => !isEventType(pattern));
    if (invalid.length > 0) {
      throw new Error(`@EventPattern must name an event type (dk.cmp.<service>.<event>.v<N>): ${invalid.join(', ')}`);
    }
    return [...new Set(patterns.map((pattern) => findEventContract(pattern)?.topic ?? topicOfEventType(pattern)))].sort();
  }

  private async start(topics: string[]): Promise<void> {
    if (topics.length === 0) return;
    const { kafka, groupId } = this.settings;
    this.producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
    await this.producer.connect();
    await this.settings.topics.ensure(topics);
    const sessionTimeout = this.settings.sessionTimeoutMs ?? 30_000;
    this.consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200, sessionTimeout, heartbeatInterval: Math.floor(sessionTimeout / 10) });
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => this.joinedGroup());
    await this.consumer.connect();
    // A new group starts from the beginning: read models must be rebuildable from the topics.
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.settings.partitionsConsumedConcurrently ?? 6,
      eachBatch: (payload) => this.consumeBatch(payload),
    });
  }

  private async consumeBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    const { topic, partition } = batch;
    let pending: Decoded[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      await this.applyAll(pending, topic, partition, { isRunning, isStale, heartbeat });
      resolveOffset(messageOf(pending[pending.length - 1]).offset);
      pending = [];
      await heartbeat();
    };
    try {
      for (const message of batch.messages) {
        if (!isRunning() || isStale()) break;
        const decoded = this.decode(message);
        if (decoded.kind === 'dead') {
          await flush();
          await this.deadLetter(topic, partition, decoded.message, decoded.reason, decoded.error, 0);
          resolveOffset(message.offset);
          continue;
        }
        pending.push(decoded);
        if (pending.length >= this.transactionBatchSize) await flush();
      }
      await flush();
    } catch (error) {
      // Stopping mid-retry: leave the rest unresolved, it is redelivered to whoever takes over.
      if (!(error instanceof ConsumerStoppedError)) throw error;
    }
    lagGauge().set({ group: this.settings.groupId, topic, partition: String(partition) }, Number(batch.offsetLag()));
  }

  private decode(message: KafkaMessage): Decoded {
    let event: CloudEvent;
    try {
      event = fromKafkaBinaryMessage(message);
    } catch (error) {
      return { kind: 'dead', message, reason: 'unparseable', error: error as Error };
    }
    const handler = this.handlerFor(event.type);
    if (!handler) return { kind: 'ignore', message };
    const contract = findEventContract(event.type);
    if (!contract) {
      return { kind: 'dead', message, reason: 'invalid', error: new EnvelopeError(`no contract is loaded for ${event.type}`) };
    }
    if (event.data === null && contract.compacted) {
      return { kind: 'apply', item: { message, handler, event: event as CloudEvent<object> } };
    }
    try {
      return { kind: 'apply', item: { message, handler, event: { ...event, data: validateEventData(contract, event.data) } } };
    } catch (error) {
      if (error instanceof EventValidationError) return { kind: 'dead', message, reason: 'invalid', error };
      throw error;
    }
  }

  private handlerFor(type: string): MessageHandler | null {
    let handler = this.handlersByType.get(type);
    if (handler === undefined) {
      handler = this.getHandlerByPattern(type);
      this.handlersByType.set(type, handler);
    }
    return handler;
  }

  /**
   * Fast path: everything in one transaction. A transient fault (the database away, a deadlock)
   * is waited out for the whole batch; any other failure sends the events through one at a time,
   * so the one that fails for good is found and dead-lettered alone.
   */
  private async applyAll(pending: Decoded[], topic: string, partition: number, control: BatchControl): Promise<void> {
    const items = pending.flatMap((decoded) => (decoded.kind === 'apply' ? [decoded.item] : []));
    if (items.length === 0) return;
    const single = items.length === 1;
    const failure = await this.applyUntilDone(items, topic, partition, control, single ? this.maxAttempts : 1);
    if (failure === undefined) return;
    if (single) {
      await this.deadLetter(topic, partition, items[0].message, 'failed', failure.error, failure.attempts);
      return;
    }
    this.logger.warn(`batch of ${items.length} on ${topic}[${partition}] failed, applying one by one: ${failure.error.message}`);
    for (const item of items) {
      const itemFailure = await this.applyUntilDone([item], topic, partition, control, this.maxAttempts);
      if (itemFailure) await this.deadLetter(topic, partition, item.message, 'failed', itemFailure.error, itemFailure.attempts);
    }
  }

  /**
   * Applies events in one transaction, retrying with backoff. Transient faults are retried for as
   * long as they last, with a heartbeat between tries so the group keeps the partition here (it
   * is in effect paused); only failures that would repeat count against `permanentBudget`.
   * Returns the last permanent failure once the budget is spent; throws `ConsumerStoppedError`
   * when the consumer stops or loses the partition meanwhile (the offsets stay unresolved, so
   * whoever takes over reads the events again).
   */
  private async applyUntilDone(
    items: Applicable[],
    topic: string,
    partition: number,
    control: BatchControl,
    permanentBudget: number,
  ): Promise<{ readonly error: Error; readonly attempts: number } | undefined> {
    let attempts = 0;
    let permanentFailures = 0;
    const what = items.length === 1 ? `${items[0].event.type} ${items[0].event.id}` : `${items.length} events on ${topic}[${partition}]`;
    try {
      await backOff(
        () => {
          attempts += 1;
          return this.settings.dataSource.transaction((manager) => this.applyInTransaction(manager, items, topic, partition));
        },
        {
          numOfAttempts: Number.MAX_SAFE_INTEGER,
          startingDelay: this.settings.initialRetryDelayMs ?? 100,
          maxDelay: this.settings.maxRetryDelayMs ?? 5000,
          jitter: 'full',
          retry: async (error: Error) => {
            if (!control.isRunning() || control.isStale()) return false;
            if (faultKind(error) === 'transient') {
              transientCounter().inc({ group: this.settings.groupId, topic });
              if (attempts === 1 || attempts % 20 === 0) this.logger.warn(`${what} waits for a transient fault to pass (try ${attempts}): ${error.message}`);
              await control.heartbeat();
              return true;
            }
            permanentFailures += 1;
            if (permanentFailures >= permanentBudget) return false;
            this.logger.warn(`${what} failed (attempt ${permanentFailures}/${permanentBudget}): ${error.message}`);
            return true;
          },
        },
      );
      return undefined;
    } catch (error) {
      if (!control.isRunning() || control.isStale()) throw new ConsumerStoppedError('consumer stopped while retrying');
      return { error: error as Error, attempts: permanentFailures };
    }
  }

  private async applyInTransaction(manager: EntityManager, items: Applicable[], topic: string, partition: number): Promise<void> {
    const firstSeen = new Map<string, Applicable>();
    for (const item of items) if (!firstSeen.has(item.event.id)) firstSeen.set(item.event.id, item);
    const unique = [...firstSeen.values()];
    const values: string[] = [];
    const placeholders = unique.map((item, index) => {
      values.push(item.event.id, item.event.type);
      return `($1, $${index * 2 + 2}, $${index * 2 + 3})`;
    });
    const inserted: { event_id: string }[] = await manager.query(
      `INSERT INTO inbox (consumer_group, event_id, event_type) VALUES ${placeholders.join(', ')}
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.settings.groupId, ...values],
    );
    const fresh = new Set(inserted.map((row) => row.event_id));
    const labels = { group: this.settings.groupId, topic };
    duplicateCounter().inc(labels, items.length - fresh.size);
    for (const item of unique) {
      if (!fresh.has(item.event.id)) continue;
      const context = new InboxContext(manager, item.event, topic, partition, item.message.offset);
      await correlationContext.run({ correlationId: item.event.correlationid, causationId: item.event.id }, () =>
        invokeHandler(item.handler, item.event, context),
      );
    }
    consumedCounter().inc(labels, fresh.size);
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: DeadLetterReason,
    error: Error,
    attempts: number,
  ): Promise<void> {
    const groupId = this.settings.groupId;
    await this.settings.topics.ensure([deadLetterTopic(groupId)]);
    const dlq = await sendToDeadLetterTopic(this.producer as Producer, {
      consumerGroup: groupId,
      topic,
      partition,
      message,
      reason,
      error,
      attempts,
    });
    deadLetterCounter().inc({ group: groupId, topic, reason });
    this.logger.error(`${topic}[${partition}]@${message.offset} sent to ${dlq} (${reason}): ${error.message}`);
  }
}

function messageOf(decoded: Decoded): KafkaMessage {
  return decoded.kind === 'apply' ? decoded.item.message : decoded.message;
}

/** Runs a Nest handler, and any further handlers bound to the same pattern, to completion. */
async function invokeHandler(handler: MessageHandler, event: CloudEvent, context: InboxContext): Promise<void> {
  let current: MessageHandler | undefined = handler;
  while (current) {
    const result = await current(event, context);
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    current = current.next;
  }
}
