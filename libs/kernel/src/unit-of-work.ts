import type { EventContract } from '@cmp/contracts';

/**
 * An event a use case publishes when its transaction commits. The outbox row is written in the
 * same transaction, so a change and its events happen together or not at all.
 */
export type PendingEvent<TData extends object = object> = {
  readonly contract: EventContract<TData>;
  /** The aggregate id: Kafka key and CloudEvents `subject`, so one entity's events stay in order. */
  readonly key: string;
} & ({ readonly data: TData } | { readonly tombstone: true });

/**
 * A read-only look at the database, handed to repositories. Opaque on purpose: application
 * code passes it along and never reaches the ORM through it.
 */
export interface ReadTransaction {
  /** The clock's time when the transaction began: one "now" for every rule a use case checks. */
  readonly now: Date;
}

/** One use case's transaction: what it changes, audits and emits commits together. */
export interface Transaction extends ReadTransaction {
  /** Who made the change, as recorded on it: `coordinator:<id>`, `system:<source>`… */
  readonly actor: string;
  emit<TData extends object>(...events: PendingEvent<TData>[]): void;
  /** Adds an entry to the service's audit trail (a service without one refuses the call). */
  record(action: string, entityType: string, entityId: string, fields?: readonly string[]): void;
}

export interface RunOptions {
  /**
   * Checks everything the use case would check, against the same locked rows, then rolls back:
   * nothing is written, audited or emitted, and the would-be result is returned.
   */
  readonly dryRun?: boolean;
}

/**
 * The port use cases run their work through. An abstract class rather than an interface so that
 * it doubles as the dependency-injection token; the TypeORM implementation lives in
 * `@cmp/messaging`, an in-memory one for unit tests in `@cmp/testing`.
 */
export abstract class UnitOfWork {
  abstract run<T>(actor: string, work: (tx: Transaction) => Promise<T>, options?: RunOptions): Promise<T>;
  abstract read<T>(work: (tx: ReadTransaction) => Promise<T>): Promise<T>;
  abstract now(): Date;
}
