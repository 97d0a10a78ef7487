import type { Transaction } from '@cmp/kernel';

/** Copies of a person's details kept outside their own record, which erasure must reach too. */
export abstract class StoredPersonalDataRepository {
  /** Stored idempotent responses that name the person. */
  abstract forgetStoredResponses(tx: Transaction, personId: string): Promise<void>;
  /** Contact records for the person not yet published (their tombstone follows). */
  abstract dropUnpublishedContact(tx: Transaction, personId: string): Promise<void>;
}
