import type { ConsentPurpose } from '@cmp/contracts';
import type { ReadTransaction, Transaction } from '@cmp/kernel';

/** The current answer per person and purpose; the audit trail keeps the history. */
export interface Consent {
  readonly personId: string;
  readonly purpose: ConsentPurpose;
  readonly granted: boolean;
  readonly noticeVersion: string;
  readonly changedAt: Date;
}

export abstract class ConsentRepository {
  /** A new person's first answers. */
  abstract insert(tx: Transaction, consent: Consent): Promise<void>;
  /** Replaces the person's answer for the purpose. */
  abstract save(tx: Transaction, consent: Consent): Promise<void>;
  abstract ofPerson(tx: ReadTransaction, personId: string): Promise<Consent[]>;
}
