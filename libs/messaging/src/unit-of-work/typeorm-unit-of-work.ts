import { DataSource, EntityManager } from 'typeorm';
import { type PendingEvent, type ReadTransaction, type RunOptions, type Transaction, UnitOfWork } from '@cmp/kernel';
import type { Clock } from '@cmp/platform';
import { Outbox } from '../outbox/outbox';

/** One line of a service's audit trail, as a use case records it. */
export interface AuditEntry {
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly fields: readonly string[];
}

export interface UnitOfWorkSettings {
  /** Writes a committed transaction's audit entries; without it, `record()` is refused. */
  readonly writeAudit?: (manager: EntityManager, entries: readonly AuditEntry[]) => Promise<void>;
  /**
   * Turns a database error into the service's own error (a unique index hit by a concurrent
   * request becomes the 409 a sequential one would have got); anything else is rethrown as is.
   */
  readonly translateError?: (error: unknown) => unknown;
}

class TypeOrmReadTransaction implements ReadTransaction {
  constructor(
    readonly manager: EntityManager,
    readonly now: Date,
  ) {}
}

class TypeOrmTransaction extends TypeOrmReadTransaction implements Transaction {
  readonly events: PendingEvent[] = [];
  readonly audit: AuditEntry[] = [];

  constructor(
    manager: EntityManager,
    readonly actor: string,
    now: Date,
    private readonly auditKept: boolean,
  ) {
    super(manager, now);
  }

  emit<TData extends object>(...events: PendingEvent<TData>[]): void {
    this.events.push(...(events as unknown as PendingEvent[]));
  }

  record(action: string, entityType: string, entityId: string, fields: readonly string[] = []): void {
    if (!this.auditKept) throw new Error(`this service keeps no audit trail, so "${action}" cannot be recorded`);
    this.audit.push({ at: this.now, actor: this.actor, action, entityType, entityId, fields: [...fields] });
  }
}

/**
 * The entity manager behind a transaction handle: for repositories only, which are the one
 * place that speaks SQL. A handle from anywhere else (a unit test's in-memory one) is refused.
 */
export function entityManagerOf(tx: ReadTransaction): EntityManager {
  if (tx instanceof TypeOrmReadTransaction) return tx.manager;
  throw new Error('this transaction handle does not come from the TypeORM unit of work');
}

let savepoints = 0;

/**
 * Runs part of a transaction's work so that, if it throws, only that part is undone: its writes
 * are rolled back to a savepoint and the events and audit entries it added are dropped, while
 * the transaction (and the row locks it holds) carries on. What a polling worker does with each
 * claimed item, so one bad item neither commits half its work nor undoes its batch.
 */
export async function withinSavepoint<T>(tx: Transaction, work: () => Promise<T>): Promise<T> {
  if (!(tx instanceof TypeOrmTransaction)) throw new Error('this transaction handle does not come from the TypeORM unit of work');
  savepoints = (savepoints + 1) % Number.MAX_SAFE_INTEGER;
  const name = `cmp_item_${savepoints}`;
  const events = tx.events.length;
  const audit = tx.audit.length;
  await tx.manager.query(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await tx.manager.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await tx.manager.query(`ROLLBACK TO SAVEPOINT ${name}`);
    tx.events.splice(events);
    tx.audit.splice(audit);
    throw error;
  }
}

/** Thrown out of a dry run's transaction so that it rolls back; carries the would-be result. */
class DryRunRollback {
  constructor(readonly result: unknown) {}
}

/**
 * Runs each use case in one database transaction that also writes its audit entries and its
 * outbox rows, so a refused command writes nothing and emits nothing.
 */
export class TypeOrmUnitOfWork extends UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly settings: UnitOfWorkSettings = {},
  ) {
    super();
  }

  async run<T>(actor: string, work: (tx: Transaction) => Promise<T>, options: RunOptions = {}): Promise<T> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const tx = new TypeOrmTransaction(manager, actor, this.clock(), this.settings.writeAudit !== undefined);
        const result = await work(tx);
        if (options.dryRun) throw new DryRunRollback(result);
        if (tx.audit.length > 0) await this.settings.writeAudit?.(manager, tx.audit);
        await this.outbox.add(manager, ...tx.events);
        return result;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.result as T;
      throw this.settings.translateError ? this.settings.translateError(error) : error;
    }
  }

  /**
   * Runs a use case inside a transaction that is already open: a consumer's inbox transaction, so
   * that the event's effects, audit entries and outgoing events commit with the inbox row that
   * marks it applied (exactly-once effects). `now` defaults to the clock; a consumer may pass the
   * time the event happened. Errors are left to the consumer's retries and dead letters.
   */
  async join<T>(manager: EntityManager, actor: string, work: (tx: Transaction) => Promise<T>, now: Date = this.clock()): Promise<T> {
    const tx = new TypeOrmTransaction(manager, actor, now, this.settings.writeAudit !== undefined);
    const result = await work(tx);
    if (tx.audit.length > 0) await this.settings.writeAudit?.(manager, tx.audit);
    await this.outbox.add(manager, ...tx.events);
    return result;
  }

  read<T>(work: (tx: ReadTransaction) => Promise<T>): Promise<T> {
    return work(new TypeOrmReadTransaction(this.dataSource.manager, this.clock()));
  }

  now(): Date {
    return this.clock();
  }
}
