import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { FailureRecord } from '../../domain/lockout-policy';

/**
 * The persisted lock-out counters, one per keyed hash (`SignInFailureKeys`): an account's email
 * or a client address, never either in the clear.
 */
export abstract class SignInFailureRepository {
  /** The counters of these keys that exist. */
  abstract findByKeys(tx: ReadTransaction, keys: readonly string[]): Promise<FailureRecord[]>;

  /**
   * Locks the key's counter for this transaction, creating an empty one if there is none, and
   * returns what it counted so far (undefined for a fresh counter). Concurrent failures of one
   * key are so serialised and each counted, and the retention sweep cannot delete it meanwhile.
   */
  abstract lockForCounting(tx: Transaction, key: string): Promise<FailureRecord | undefined>;

  abstract save(tx: Transaction, key: string, record: FailureRecord, expiresAt: Date): Promise<void>;

  abstract deleteKeys(tx: Transaction, keys: readonly string[]): Promise<void>;

  /** Deletes every counter whose expiry is at or before the transaction's now; returns how many. */
  abstract deleteExpired(tx: Transaction): Promise<number>;
}
