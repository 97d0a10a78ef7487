import { EntityManager } from 'typeorm';
import { PendingEvent, ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';

/**
 * The transaction of a consumed event: the inbox opened it, and the inbox row that marks the event
 * as applied commits with everything the handler writes. Its events are written to the outbox by
 * the consumer before the handler returns, in the same transaction.
 */
export class InboxTransaction implements Transaction {
  readonly events: PendingEvent[] = [];

  constructor(
    readonly manager: EntityManager,
    readonly actor: string,
    readonly now: Date,
  ) {}

  emit<TData extends object>(...events: PendingEvent<TData>[]): void {
    this.events.push(...(events as unknown as PendingEvent[]));
  }

  record(action: string): void {
    throw new Error(`evaluation keeps no audit trail, so "${action}" cannot be recorded`);
  }
}

/** The entity manager behind a transaction handle, whether the unit of work or the inbox opened it. */
export function managerOf(tx: ReadTransaction): EntityManager {
  return tx instanceof InboxTransaction ? tx.manager : entityManagerOf(tx);
}
