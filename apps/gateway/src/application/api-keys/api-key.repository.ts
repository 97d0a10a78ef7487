import type { ReadTransaction, Transaction } from '@cmp/kernel';

/** A partner organisation's API key as stored: the key itself only as its hash. */
export interface ApiKey {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  /** The key's first characters, shown in lists so an owner can tell keys apart. */
  readonly prefix: string;
  readonly keyHash: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

export abstract class ApiKeyRepository {
  abstract add(tx: Transaction, key: ApiKey): Promise<void>;

  /** Newest first; every organisation's when none is named. */
  abstract list(tx: ReadTransaction, organisationId: string | undefined): Promise<ApiKey[]>;

  /** Revokes the key at the transaction's now unless it is revoked already; returns it as it then is. */
  abstract revoke(tx: Transaction, id: string): Promise<ApiKey | undefined>;

  /** The unrevoked key with this hash. */
  abstract findActiveByHash(tx: ReadTransaction, keyHash: string): Promise<ApiKey | undefined>;
}
