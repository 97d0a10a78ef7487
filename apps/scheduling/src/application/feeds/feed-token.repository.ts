import type { ReadTransaction, Transaction } from '@cmp/kernel';

/** A person's secret calendar-feed URL. Only the token's SHA-256 is kept, never the token. */
export interface FeedToken {
  readonly id: string;
  readonly personId: string;
  readonly role: 'mentee' | 'mentor';
  readonly tokenHash: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

export abstract class FeedTokenRepository {
  /** Revokes the person's active tokens; returns how many there were. */
  abstract revokeActiveOf(tx: Transaction, personId: string, at: Date): Promise<number>;
  abstract add(tx: Transaction, token: FeedToken): Promise<void>;
  abstract activeByHash(tx: ReadTransaction, tokenHash: string): Promise<FeedToken | null>;
  abstract eraseOf(tx: Transaction, personId: string): Promise<void>;
}
