import { Logger } from '@nestjs/common';
import { backOff } from 'exponential-backoff';
import { Kafka, Partitioners, Producer, TopicMessages } from 'kafkajs';
import { Client } from 'pg';
import { getOrCreateCounter, getOrCreateGauge } from '@cmp/platform';
import { isPermanentPublishFault } from '../faults/fault-kind';
import { outboxChannel } from '../outbox/messaging-tables.migration';
import { TopicProvisioner } from '../kafka/topic-provisioner';

export interface OutboxRelaySettings {
  readonly databaseUrl: string;
  readonly schema: string;
  readonly kafka: Kafka;
  readonly topics: TopicProvisioner;
  /** Rows published per round trip to the broker. */
  readonly batchSize?: number;
  /** The fallback when a NOTIFY is lost (e.g. while the listener reconnected). */
  readonly pollIntervalMs?: number;
  /** How often a standby instance asks for leadership. */
  readonly standbyRetryMs?: number;
  /** Published rows are kept this long for inspection, then deleted. */
  readonly publishedRetentionMs?: number;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string | null;
  headers: Record<string, string>;
  payload: string;
}

const backlogGauge = () =>
  getOrCreateGauge({ name: 'cmp_outbox_backlog', help: 'Outbox rows not yet published', labelNames: ['schema'] });
const publishedCounter = () =>
  getOrCreateCounter({ name: 'cmp_outbox_published_total', help: 'Outbox rows published to Kafka', labelNames: ['schema'] });
const parkedCounter = () =>
  getOrCreateCounter({ name: 'cmp_outbox_parked_total', help: 'Outbox rows the broker refused for good, parked for an operator', labelNames: ['schema'] });

/**
 * Publishes a schema's outbox to Kafka, oldest row first.
 *
 * Per-key order needs a single publisher, so instances elect one with a session-level Postgres
 * advisory lock: the lock is held by the relay's own connection and is released by Postgres the
 * moment that connection dies, so a crashed leader cannot block the others. The leader LISTENs
 * on the outbox channel and also polls, in case a notification is missed.
 *
 * Delivery is at least once: a crash between publishing and marking rows published republishes
 * them, and the consumers' inbox turns that into exactly-once effects. During a broker outage
 * rows stay in the table and the relay retries with capped exponential backoff. A row the broker
 * refuses for good (too large, not allowed: see `isPermanentPublishFault`) is parked with the
 * broker's answer, and the later rows of its key wait with it, until an operator retries or
 * drops it (`npm run outbox`); every other key keeps flowing.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly standbyRetryMs: number;
  private readonly publishedRetentionMs: number;
  private readonly lockName: string;
  private running: Promise<void> | undefined;
  private stopping = false;
  private client: Client | undefined;
  private producer: Producer | undefined;
  private wake: (() => void) | undefined;
  /** Set by a notification that arrives while a batch is in flight, so it is not lost. */
  private signalled = false;
  private leader = false;
  private lastCleanup = 0;

  constructor(private readonly settings: OutboxRelaySettings) {
    this.batchSize = settings.batchSize ?? 1000;
    this.pollIntervalMs = settings.pollIntervalMs ?? 1000;
    this.standbyRetryMs = settings.standbyRetryMs ?? 2000;
    this.publishedRetentionMs = settings.publishedRetentionMs ?? 24 * 60 * 60 * 1000;
    this.lockName = `cmp.outbox-relay.${settings.schema}`;
  }

  get isLeader(): boolean {
    return this.leader;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.run();
  }

  /** Finishes the batch in flight, gives up leadership and disconnects. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.signal();
    await this.running;
    this.running = undefined;
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = undefined;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        const elected = await this.campaign();
        if (elected) await this.lead();
        else await this.sleep(this.standbyRetryMs);
      } catch (error) {
        this.logger.warn(`outbox relay for ${this.settings.schema} lost its footing: ${(error as Error).message}`);
        await this.sleep(this.standbyRetryMs);
      } finally {
        this.leader = false;
        await this.client?.end().catch(() => undefined);
        this.client = undefined;
      }
    }
  }

  private async campaign(): Promise<boolean> {
    const client = new Client({
      connectionString: this.settings.databaseUrl,
      options: `-c search_path=${this.settings.schema}`,
      application_name: `outbox-relay:${this.settings.schema}`,
    });
    // A dropped connection also drops the lock: stop leading at once, another instance takes over.
    client.on('error', (error) => {
      this.logger.warn(`outbox relay connection failed: ${error.message}`);
      this.leader = false;
      this.signal();
    });
    this.client = client;
    await client.connect();
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.lockName]);
    return rows[0].locked;
  }

  private async lead(): Promise<void> {
    const client = this.client as Client;
    this.leader = true;
    this.logger.log(`outbox relay for ${this.settings.schema} is the leader`);
    client.on('notification', () => this.signal());
    await client.query(`LISTEN "${outboxChannel(this.settings.schema)}"`);
    const producer = await this.connectedProducer();
    while (!this.stopping && this.leader) {
      const published = await this.publishBatch(client, producer);
      await this.cleanUpPublished(client);
      if (published < this.batchSize) await this.sleep(this.pollIntervalMs);
    }
  }

  private async publishBatch(client: Client, producer: Producer): Promise<number> {
    // A parked row holds back the later rows of its key: consumers may rely on per-key order,
    // so its key waits for the operator while every other key keeps flowing.
    const { rows } = await client.query<OutboxRow>(
      `SELECT o.id, o.topic, o.message_key, o.headers, o.payload FROM outbox o
        WHERE o.published_at IS NULL AND o.parked_at IS NULL
          AND NOT EXISTS (
            SELECT 1 FROM outbox p
             WHERE p.parked_at IS NOT NULL AND p.published_at IS NULL AND p.id < o.id
               AND p.topic = o.topic AND p.message_key IS NOT DISTINCT FROM o.message_key)
        ORDER BY o.id LIMIT $1`,
      [this.batchSize],
    );
    backlogGauge().set({ schema: this.settings.schema }, rows.length < this.batchSize ? rows.length : await this.countBacklog(client));
    if (rows.length === 0) return 0;

    await this.settings.topics.ensure(rows.map((row) => row.topic));
    const failure = await this.send(producer, rows);
    if (failure === undefined) {
      await this.markPublished(client, rows);
      return rows.length;
    }
    // One record of the batch can never be published: find it by sending the rows one by one,
    // in order, so the rest are not held hostage by it.
    this.logger.warn(`the broker refused a batch of ${rows.length} outbox rows for good, publishing one at a time: ${failure.message}`);
    const parkedKeys = new Set<string>();
    let published = 0;
    for (const row of rows) {
      const key = `${row.topic}\u0000${row.message_key ?? ''}`;
      if (parkedKeys.has(key)) continue;
      const error = await this.send(producer, [row]);
      if (error === undefined) {
        await this.markPublished(client, [row]);
        published += 1;
        continue;
      }
      parkedKeys.add(key);
      await client.query('UPDATE outbox SET parked_at = clock_timestamp(), park_error = $2 WHERE id = $1', [row.id, `${error.name}: ${error.message}`]);
      parkedCounter().inc({ schema: this.settings.schema });
      this.logger.error(`outbox row ${row.id} (${row.topic}, key ${row.message_key}) parked, later rows of its key wait: ${error.message}`);
    }
    return published;
  }

  /**
   * Sends rows until the broker takes them, retrying for as long as the fault can pass (a broker
   * away, a leader moving). Returns the error only when the broker refuses the records for good.
   */
  private async send(producer: Producer, rows: OutboxRow[]): Promise<Error | undefined> {
    try {
      await backOff(() => producer.sendBatch({ topicMessages: groupByTopic(rows), acks: -1 }), {
        numOfAttempts: Number.MAX_SAFE_INTEGER,
        startingDelay: 200,
        maxDelay: 5000,
        jitter: 'full',
        retry: (error: Error, attempt: number) => {
          if (this.stopping || !this.leader || isPermanentPublishFault(error)) return false;
          if (attempt === 1 || attempt % 10 === 0) {
            this.logger.warn(`publishing ${rows.length} outbox rows failed (attempt ${attempt}), rows are kept: ${error.message}`);
          }
          return true;
        },
      });
      return undefined;
    } catch (error) {
      if (isPermanentPublishFault(error)) return error as Error;
      throw error;
    }
  }

  private async markPublished(client: Client, rows: OutboxRow[]): Promise<void> {
    await client.query('UPDATE outbox SET published_at = clock_timestamp() WHERE id = ANY($1::bigint[])', [rows.map((row) => row.id)]);
    publishedCounter().inc({ schema: this.settings.schema }, rows.length);
  }

  private async countBacklog(client: Client): Promise<number> {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM outbox WHERE published_at IS NULL');
    return Number(rows[0].count);
  }

  private async cleanUpPublished(client: Client): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 60_000) return;
    this.lastCleanup = now;
    await client.query(`DELETE FROM outbox WHERE published_at < now() - make_interval(secs => $1)`, [
      this.publishedRetentionMs / 1000,
    ]);
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.settings.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
        // Bounded so that stop() is never stuck behind an endless retry; the relay itself
        // retries the whole batch, and the inbox absorbs any resulting duplicate.
        retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2000 },
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  private signal(): void {
    this.signalled = true;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping || this.signalled) {
      this.signalled = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.signalled = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

function groupByTopic(rows: OutboxRow[]): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages>();
  for (const row of rows) {
    let group = byTopic.get(row.topic);
    if (!group) {
      group = { topic: row.topic, messages: [] };
      byTopic.set(row.topic, group);
    }
    group.messages.push({ key: row.message_key, value: row.payload, headers: row.headers });
  }
  return [...byTopic.values()];
}
