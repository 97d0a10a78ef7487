import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, getOrCreateCounter } from '@cmp/platform';
import { DEFAULT_TOPIC_SETTINGS, TopicSettings } from '../kafka/topic-provisioner';
import { PollingLoop } from '../polling/polling-loop';

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Rows of one table that are kept for a while and then deleted. Every figure is a decision: the
 * period must outlast whatever the rows protect against (a redelivery, a person looking back).
 */
export interface RetentionPolicy {
  /** Names the rows in the log line and the metric label, e.g. `fired-timers`. */
  readonly name: string;
  /** A table of the service's own schema. */
  readonly table: string;
  /** The timestamp column a row's age is measured from; rows are deleted oldest first by it. */
  readonly agedBy: string;
  readonly keepForMs: number;
  /**
   * A further SQL condition a row must meet to go, over the table aliased `aged` (only rows in a
   * final state, only when nothing younger refers to them). Code, never outside input.
   */
  readonly onlyWhere?: string;
}

export interface RetentionSweepSettings {
  /** The schema whose tables the policies name (a label on the metric and the log line). */
  readonly schema: string;
  /** How often every policy is applied; 0 turns the background sweep off (tests call `sweep()`). */
  readonly intervalMs: number;
  /** Rows per DELETE: each batch is a short transaction that holds few locks. */
  readonly batchSize?: number;
  /** Batches per policy and round; the rest waits for the next round, so one round stays short. */
  readonly maxBatchesPerRound?: number;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const DEFAULT_BATCH_SIZE = 1_000;
const DEFAULT_MAX_BATCHES = 100;
/** The first round comes soon after start, not an interval later: a service restarted hourly would never sweep. */
const FIRST_ROUND_DELAY_MS = 60_000;

const deletedCounter = () =>
  getOrCreateCounter({ name: 'cmp_retention_deleted_rows_total', help: 'Rows deleted by a retention policy, by schema and policy', labelNames: ['schema', 'policy'] });
const failureCounter = () =>
  getOrCreateCounter({ name: 'cmp_retention_failures_total', help: 'Retention rounds of a policy that failed (retried next round)', labelNames: ['schema', 'policy'] });

/**
 * How long the inbox keeps the id of a processed event: longer than any copy of that event may
 * still reach the consumer. An event stays on its topic for the topic's retention (a group whose
 * offsets were lost re-reads that far back) and a dead letter may be replayed onto its original
 * topic, to every group, for as long as the dead-letter topic keeps it; a week on top covers a
 * consumer that was behind when it processed the event. Compacted topics keep their latest record
 * for good: their consumers apply state (upsert, erase), which a second delivery does not change.
 */
export function inboxRetentionMs(topics: TopicSettings = DEFAULT_TOPIC_SETTINGS): number {
  return Math.max(topics.eventRetentionMs, topics.deadLetterRetentionMs) + 7 * DAY_MS;
}

/** The inbox policy every service has (see `inboxRetentionMs`). */
export function inboxRetentionPolicy(topics: TopicSettings = DEFAULT_TOPIC_SETTINGS): RetentionPolicy {
  return { name: 'inbox', table: 'inbox', agedBy: 'processed_at', keepForMs: inboxRetentionMs(topics) };
}

/**
 * Applies a service's retention policies: deletes aged rows oldest first in bounded batches, each
 * its own statement, with a log line and a metric per policy. Every instance sweeps: `SKIP LOCKED`
 * lets two instances (or a sweep and a writer) pass each other instead of waiting, and a delete is
 * idempotent. A failed round (the database away) is logged and counted and tried again next round.
 */
export class RetentionSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionSweeper.name);
  private readonly batchSize: number;
  private readonly maxBatches: number;
  private readonly loop: PollingLoop<Record<string, number>>;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    readonly policies: readonly RetentionPolicy[],
    private readonly settings: RetentionSweepSettings,
    private readonly clock: Clock,
  ) {
    for (const policy of policies) {
      if (!IDENTIFIER.test(policy.table) || !IDENTIFIER.test(policy.agedBy)) throw new Error(`retention policy ${policy.name} names an invalid table or column`);
      if (!(policy.keepForMs > 0)) throw new Error(`retention policy ${policy.name} must keep rows for a positive time`);
    }
    this.batchSize = settings.batchSize ?? DEFAULT_BATCH_SIZE;
    this.maxBatches = settings.maxBatchesPerRound ?? DEFAULT_MAX_BATCHES;
    this.loop = new PollingLoop({
      name: `${settings.schema}-retention`,
      intervalMs: settings.intervalMs,
      firstDrainAfterMs: Math.min(FIRST_ROUND_DELAY_MS, settings.intervalMs),
      drain: () => this.sweep(),
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.loop.stop();
  }

  /** One round of every policy; returns the rows deleted per policy. */
  async sweep(): Promise<Record<string, number>> {
    const deleted: Record<string, number> = {};
    for (const policy of this.policies) {
      if (this.stopping) break;
      try {
        deleted[policy.name] = await this.apply(policy);
      } catch (error) {
        failureCounter().inc({ schema: this.settings.schema, policy: policy.name });
        this.logger.error(`retention of ${policy.name} failed, tried again next round: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return deleted;
  }

  private async apply(policy: RetentionPolicy): Promise<number> {
    const cutoff = new Date(this.clock().getTime() - policy.keepForMs);
    // ctid = ANY(ARRAY(...)) is a TID scan: the batch is found once, oldest first, and deleted by address.
    const statement = `
      DELETE FROM ${policy.table} WHERE ctid = ANY(ARRAY(
        SELECT aged.ctid FROM ${policy.table} aged
        WHERE aged.${policy.agedBy} < $1 ${policy.onlyWhere ? `AND (${policy.onlyWhere})` : ''}
        ORDER BY aged.${policy.agedBy}
        LIMIT $2
        FOR UPDATE OF aged SKIP LOCKED))`;
    let total = 0;
    for (let batch = 0; batch < this.maxBatches && !this.stopping; batch += 1) {
      const [, affected] = (await this.dataSource.query(statement, [cutoff, this.batchSize])) as [unknown, number];
      total += affected;
      deletedCounter().inc({ schema: this.settings.schema, policy: policy.name }, affected);
      if (affected < this.batchSize) break;
    }
    if (total > 0) this.logger.log(`retention: deleted ${total} ${policy.name} rows of ${this.settings.schema} older than ${cutoff.toISOString()}`);
    return total;
  }
}
