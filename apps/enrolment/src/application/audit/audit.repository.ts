import type { ReadTransaction } from '@cmp/kernel';
import type { Page, PageRequest } from '../page';

/**
 * Who changed what: the actor, the action and the names of the fields it touched. Values are
 * deliberately left out, so that the trail holds no personal data and survives erasure.
 */
export interface AuditEntry {
  /** Ascending in the order the entries were written. */
  readonly id: string;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly fields: string[];
}

/** Reads the trail; use cases add to it through `Transaction.record`. */
export abstract class AuditRepository {
  /** Everything recorded about one entity, oldest first. */
  abstract of(tx: ReadTransaction, entityId: string): Promise<AuditEntry[]>;
  abstract page(tx: ReadTransaction, entityId: string, page: PageRequest): Promise<Page<AuditEntry>>;
}
