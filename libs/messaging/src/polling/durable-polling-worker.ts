import { Logger } from '@nestjs/common';
import type { Transaction, UnitOfWork } from '@cmp/kernel';
import { getOrCreateCounter } from '@cmp/platform';
import { type FaultKind, faultKind } from '../faults/fault-kind';
import { withinSavepoint } from '../unit-of-work/typeorm-unit-of-work';
import { PollingLoop } from './polling-loop';

/** Why one item's work failed, for the caller to record on its row (attempts, next try, last error). */
export interface ItemFailure {
  readonly error: unknown;
  readonly message: string;
  /** Always `permanent` here: a transient fault aborts the batch instead (see the worker). */
  readonly kind: FaultKind;
}

/**
 * Claims up to `limit` due items in the transaction and locks them, normally with
 * `FOR UPDATE SKIP LOCKED` (`claimDueRows` writes that query), so two instances never claim the
 * same row. `tx.now` is the clock's time: "due" means due by it.
 */
export type ClaimDue<Item> = (tx: Transaction, limit: number) => Promise<readonly Item[]>;

/**
 * Items are handled in the transaction that claimed them, each in a savepoint: what `handle`
 * writes and emits commits with the claim, and a crash before the commit leaves the rows due for
 * the next instance. Suits short work on the database (timers, projections).
 */
export interface InClaimTransaction<Item, Outcome extends string> {
  readonly mode: 'in-claim-transaction';
  readonly handle: (item: Item, tx: Transaction) => Promise<Outcome>;
  /**
   * Records a permanent failure on the item, in the same transaction with the row still locked,
   * after the item's own writes and events were rolled back to its savepoint. It must make the
   * row not due (a later retry time, or parked), or the next batch claims it again. Without it a
   * failing item aborts the whole batch, which is retried after the loop's backoff.
   */
  readonly onFailure?: (item: Item, failure: ItemFailure, tx: Transaction) => Promise<Outcome>;
}

/**
 * The claim leases items (moves their due time past the work's deadline) and commits; each item
 * is then handled outside any transaction, so no row lock is held while a mail server or a
 * partner's endpoint answers. Another instance leaves a leased row alone until the lease runs
 * out; an instance that dies mid-batch leaves its rows to come due again then (at least once).
 */
export interface AfterClaim<Item, Outcome extends string> {
  readonly mode: 'after-claim';
  readonly lease: LeaseStore<Item>;
  /**
   * How long a claim holds its items: the handler's deadline plus a margin for the round trips.
   * A batch's items are handled one after another under one lease, so with a `batchSize` above
   * 1 (the default here is 1) the lease must cover the whole batch.
   */
  readonly leaseMs: number;
  /** Does the item's work, then writes its outcome through `claim.record`, which checks the lease still holds. */
  readonly handle: (item: Item, claim: LeasedClaim) => Promise<Outcome>;
  /**
   * Records a permanent failure of `handle`, in a transaction in which the lease was checked.
   * Without it the item simply comes due again when its lease runs out.
   */
  readonly onFailure?: (item: Item, failure: ItemFailure, tx: Transaction) => Promise<Outcome>;
}

/** The lease of one claimed item, handed to an after-claim handler. */
export interface LeasedClaim {
  /** When the claim was made (the claim transaction's `now`). */
  readonly claimedAt: Date;
  /** When the lease runs out. */
  readonly until: Date;
  /**
   * Runs `write` in a transaction, with the item's row locked, only if this lease still holds it;
   * otherwise another instance took the item over after the lease ran out and `write` is skipped
   * (resolves `{ held: false }`): a late answer must not overwrite the newer attempt.
   */
  record<T>(write: (tx: Transaction) => Promise<T>): Promise<{ held: true; value: T } | { held: false }>;
}

/** How a lease is taken and checked on the item's row; `columnLease` is the usual one. */
export interface LeaseStore<Item> {
  take(tx: Transaction, items: readonly Item[], until: Date): Promise<void>;
  /** Locks the item's row and says whether `until` is still its lease. */
  holds(tx: Transaction, item: Item, until: Date): Promise<boolean>;
}

export interface DurablePollingWorkerSettings<Item, Outcome extends string> {
  /** Names the worker in logs and metrics: `scheduling-timers`, `notifications-mail`. */
  readonly name: string;
  /** Transactions come from here, so in-claim handlers emit events and audit like any use case. */
  readonly unitOfWork: UnitOfWork;
  /** Who the worker's transactions are recorded as; `system:<name>` unless given. */
  readonly actor?: string;
  readonly claim: ClaimDue<Item>;
  readonly processing: InClaimTransaction<Item, Outcome> | AfterClaim<Item, Outcome>;
  /** Background pause once nothing is due; 0 turns the loop off (tests call `drain()`). */
  readonly intervalMs: number;
  /** Items claimed per batch: one transaction in-claim (default 50), one lease after-claim (default 1). */
  readonly batchSize?: number;
  /** A drain stops after this many items so one drain cannot run for ever; the next starts at once. */
  readonly maxItemsPerDrain?: number;
  readonly backoffBaseMs?: number;
  readonly maxBackoffMs?: number;
}

/**
 * An item's outcome: the handler's own, `failed` (an after-claim item that failed for good with
 * no `onFailure` to record it) or `lease-lost` (its failure came after another instance took it over).
 */
export type WorkerOutcome<Outcome extends string> = Outcome | 'failed' | 'lease-lost';

/** What one drain did: items claimed, and how many ended with each outcome. */
export interface DrainSummary<Outcome extends string> {
  readonly claimed: number;
  readonly outcomes: Partial<Record<WorkerOutcome<Outcome>, number>>;
  /** True when the drain stopped at `maxItemsPerDrain` (or at `stop()`) with work possibly left. */
  readonly backlogged: boolean;
}

const itemsCounter = () =>
  getOrCreateCounter({
    name: 'cmp_polling_worker_items_total',
    help: 'Items a polling worker handled, by worker and outcome (the handler\'s own, or failed / lease-lost)',
    labelNames: ['worker', 'outcome'],
  });

/** Thrown out of a handler's transaction when its lease no longer holds, so nothing it wrote commits. */
class LeaseLost {}

/**
 * The one durable polling worker: claims due rows of a table in the service's schema (timers,
 * deliveries, retention sweeps), handles them inside or after the claim transaction as the caller
 * chooses, and runs on a `PollingLoop` (interval, `wake()`, backoff on failures, graceful
 * `stop()`, metrics).
 *
 * A failure of one item is classified with `faultKind`: a permanent one (bad data, a bug, a
 * refusing endpoint) is the item's, handed to `onFailure` to record on its row while the others
 * go on; a transient one (the database or broker away) is nobody's item's, so the batch ends
 * there, the drain fails and the loop backs off. Items of a failed in-claim batch are rolled back
 * to due; leased items of an aborted after-claim batch come due when their leases run out.
 */
export class DurablePollingWorker<Item, Outcome extends string> {
  private readonly logger: Logger;
  private readonly loop: PollingLoop<DrainSummary<Outcome>>;
  private readonly actor: string;
  private readonly batchSize: number;
  private readonly maxItemsPerDrain: number;

  constructor(private readonly settings: DurablePollingWorkerSettings<Item, Outcome>) {
    this.logger = new Logger(`DurablePollingWorker:${settings.name}`);
    this.actor = settings.actor ?? `system:${settings.name}`;
    this.batchSize = Math.max(1, settings.batchSize ?? (settings.processing.mode === 'after-claim' ? 1 : 50));
    this.maxItemsPerDrain = Math.max(this.batchSize, settings.maxItemsPerDrain ?? 1000);
    this.loop = new PollingLoop({
      name: settings.name,
      intervalMs: settings.intervalMs,
      drain: () => this.drainDue(),
      backlogged: (summary) => summary.backlogged,
      backoffBaseMs: settings.backoffBaseMs,
      maxBackoffMs: settings.maxBackoffMs,
    });
  }

  start(): void {
    this.loop.start();
  }

  /** Runs the next drain now (a LISTEN/NOTIFY listener calls this when a row is written). */
  wake(): void {
    this.loop.wake();
  }

  /** Handles everything due now, batch after batch; a drain that fails rejects (tests see why). */
  drain(): Promise<DrainSummary<Outcome>> {
    return this.loop.drain();
  }

  /** Finishes the batch in flight, then resolves; nothing is claimed after it. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Failed drains since the last one that succeeded, and the pause that follows them. */
  get health(): { failuresInARow: number; nextPauseMs: number } {
    return { failuresInARow: this.loop.failuresInARow, nextPauseMs: this.loop.backoffMs() };
  }

  private async drainDue(): Promise<DrainSummary<Outcome>> {
    const outcomes: Partial<Record<WorkerOutcome<Outcome>, number>> = {};
    const count = (outcome: WorkerOutcome<Outcome>) => {
      itemsCounter().inc({ worker: this.settings.name, outcome });
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    };
    let claimed = 0;
    while (!this.loop.stopping && claimed < this.maxItemsPerDrain) {
      const limit = Math.min(this.batchSize, this.maxItemsPerDrain - claimed);
      const batch = this.settings.processing.mode === 'in-claim-transaction' ? await this.inClaimBatch(this.settings.processing, limit, count) : await this.afterClaimBatch(this.settings.processing, limit, count);
      claimed += batch;
      if (batch < limit) return { claimed, outcomes, backlogged: false };
    }
    return { claimed, outcomes, backlogged: true };
  }

  private inClaimBatch(processing: InClaimTransaction<Item, Outcome>, limit: number, count: (outcome: Outcome) => void): Promise<number> {
    const counted: Outcome[] = [];
    return this.settings.unitOfWork
      .run(this.actor, async (tx) => {
        const items = await this.settings.claim(tx, limit);
        for (const item of items) {
          try {
            counted.push(await withinSavepoint(tx, () => processing.handle(item, tx)));
          } catch (error) {
            const failure = this.failureOf(error);
            if (failure.kind === 'transient' || !processing.onFailure) throw error;
            this.logger.warn(`an item failed for good: ${failure.message}`);
            counted.push(await processing.onFailure(item, failure, tx));
          }
        }
        return items.length;
      })
      .then((claimed) => {
        // Counted once the batch committed: a rolled-back batch handled nothing.
        for (const outcome of counted) count(outcome);
        return claimed;
      });
  }

  private async afterClaimBatch(processing: AfterClaim<Item, Outcome>, limit: number, count: (outcome: WorkerOutcome<Outcome>) => void): Promise<number> {
    const { items, claimedAt, until } = await this.settings.unitOfWork.run(this.actor, async (tx) => {
      const due = await this.settings.claim(tx, limit);
      const leaseUntil = new Date(tx.now.getTime() + processing.leaseMs);
      if (due.length > 0) await processing.lease.take(tx, due, leaseUntil);
      return { items: due, claimedAt: tx.now, until: leaseUntil };
    });
    for (const item of items) {
      const claim = this.leasedClaim(processing.lease, item, claimedAt, until);
      try {
        count(await processing.handle(item, claim));
      } catch (error) {
        const failure = this.failureOf(error);
        if (failure.kind === 'transient') throw error;
        this.logger.warn(`an item failed for good: ${failure.message}`);
        const onFailure = processing.onFailure;
        if (!onFailure) {
          count('failed');
          continue;
        }
        const recorded = await claim.record((tx) => onFailure(item, failure, tx));
        count(recorded.held ? recorded.value : 'lease-lost');
      }
    }
    return items.length;
  }

  private leasedClaim(lease: LeaseStore<Item>, item: Item, claimedAt: Date, until: Date): LeasedClaim {
    return {
      claimedAt,
      until,
      record: async <T>(write: (tx: Transaction) => Promise<T>) => {
        try {
          const value = await this.settings.unitOfWork.run(this.actor, async (tx) => {
            if (!(await lease.holds(tx, item, until))) throw new LeaseLost();
            return write(tx);
          });
          return { held: true as const, value };
        } catch (error) {
          if (!(error instanceof LeaseLost)) throw error;
          this.logger.warn('an attempt outlived its lease and another instance took the item over; its outcome is not recorded');
          return { held: false as const };
        }
      },
    };
  }

  private failureOf(error: unknown): ItemFailure {
    return { error, message: (error instanceof Error ? error.message : String(error)).slice(0, 1000), kind: faultKind(error) };
  }
}
