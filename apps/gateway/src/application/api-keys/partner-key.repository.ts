import type { ReadTransaction, Transaction } from '@cmp/kernel';

/** A partner's API key as stored: only the SHA-256 of the key, never the key. */
export interface StoredPartnerKey {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly prefix: string;
  readonly keyHash: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

export abstract class PartnerKeyRepository {
  abstract add(tx: Transaction, key: StoredPartnerKey): Promise<void>;
  /** Newest first; every organisation's when none is named. */
  abstract list(tx: ReadTransaction, organisationId: string | undefined): Promise<StoredPartnerKey[]>;
  abstract find(tx: ReadTransaction, id: string): Promise<StoredPartnerKey | null>;
  /** Keeps the first revocation's time when revoked again. */
  abstract revoke(tx: Transaction, id: string, at: Date): Promise<void>;
  abstract findUnrevokedByHash(tx: ReadTransaction, keyHash: string): Promise<StoredPartnerKey | null>;
}
