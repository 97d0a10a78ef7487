import { EntityManager } from 'typeorm';
import type { PendingEvent, ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';

/**
 * The inbox's transaction as a use case sees it: a consumed event's effects join the transaction
 * that records the event as handled, so each counts exactly once. The gateway's projections emit
 * nothing and keep no audit trail, so both are refused rather than silently dropped.
 */
export class InboxTransaction implements Transaction {
  constructor(
    readonly manager: EntityManager,
    readonly actor: string,
    readonly now: Date,
  ) {}

  emit<TData extends object>(...events: PendingEvent<TData>[]): void {
    throw new Error(`the gateway's event handlers publish nothing, yet ${events.length} event(s) were emitted`);
  }

  record(action: string): void {
    throw new Error(`the gateway keeps no audit trail, so "${action}" cannot be recorded`);
  }
}

/** The entity manager behind a transaction handle, whether the unit of work or the inbox opened it. */
export function managerOf(tx: ReadTransaction): EntityManager {
  return tx instanceof InboxTransaction ? tx.manager : entityManagerOf(tx);
}
