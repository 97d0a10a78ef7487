import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { FailureRecord } from '../../domain/lockout-policy';

/** Failed sign-ins per key (`account:<hmac>`, `ip:<hmac>`), so lock-outs survive restarts and span instances. */
export abstract class SignInFailureRepository {
  abstract find(tx: ReadTransaction, keys: readonly string[]): Promise<FailureRecord[]>;
  /**
   * Inserts or locks the key's row in one statement, so concurrent failures of one key are
   * serialised and each counted, and the retention sweep cannot delete it meanwhile; answers
   * its record, `undefined` for a key with no failures yet.
   */
  abstract lockForCounting(tx: Transaction, key: string): Promise<FailureRecord | undefined>;
  /** `forgetAt` is when the retention sweep may delete the row. */
  abstract save(tx: Transaction, key: string, record: FailureRecord, forgetAt: Date): Promise<void>;
  abstract clear(tx: Transaction, key: string): Promise<void>;
  /** Deletes every record whose time is up at `tx.now`; answers how many. */
  abstract deleteExpired(tx: Transaction): Promise<number>;
}
