import type { PendingEvent, Transaction } from '@cmp/kernel';

/**
 * Writes an event to the outbox in the use case's transaction and tells its id. Messages about
 * an event this service publishes itself (a subscription switched off) are keyed by that id,
 * like messages about any consumed event, which `Transaction.emit` cannot tell.
 */
export abstract class OutgoingEvents {
  abstract add(tx: Transaction, event: PendingEvent): Promise<{ readonly id: string; readonly type: string }>;
}
