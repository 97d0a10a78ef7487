import { EntityManager } from 'typeorm';
import type { PendingEvent, Transaction } from '@cmp/kernel';

/**
 * The consumer's inbox transaction as a kernel transaction handle, so the intake's use cases
 * take the same opaque handle as the HTTP ones while their writes commit with the inbox row
 * that marks the event as applied. Nothing this service consumes emits or audits: both are
 * refused rather than silently dropped.
 */
export class InboxTransaction implements Transaction {
  constructor(
    readonly manager: EntityManager,
    readonly now: Date,
    readonly actor: string,
  ) {}

  emit<TData extends object>(...events: PendingEvent<TData>[]): void {
    throw new Error(`an event handler of notifications emits nothing (asked to emit ${events.map((event) => event.contract.type).join(', ')})`);
  }

  record(action: string): void {
    throw new Error(`notifications keeps no audit trail, so "${action}" cannot be recorded`);
  }
}
