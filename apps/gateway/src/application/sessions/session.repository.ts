import type { Transaction } from '@cmp/kernel';

export interface Session {
  readonly id: string;
  readonly accountId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
}

export interface RefreshToken {
  readonly id: string;
  readonly sessionId: string;
  readonly expiresAt: Date;
  /** When it was exchanged for its successor. */
  readonly replacedAt: Date | null;
}

/** Sessions and the family of rotating refresh tokens of each. */
export abstract class SessionRepository {
  abstract open(tx: Transaction, session: Omit<Session, 'revokedAt'>): Promise<void>;
  /** Stored only as a hash of the token. */
  abstract addRefreshToken(tx: Transaction, token: { id: string; sessionId: string; tokenHash: string; createdAt: Date; expiresAt: Date }): Promise<void>;
  /** The token and its session, both locked until the transaction ends, so one refresh wins. */
  abstract lockForRefresh(tx: Transaction, tokenHash: string): Promise<{ token: RefreshToken | null; session: Session | null }>;
  abstract markReplaced(tx: Transaction, tokenId: string, at: Date): Promise<void>;
  abstract revoke(tx: Transaction, sessionId: string, at: Date, reason: string): Promise<void>;
  /** Revokes the open session the refresh token belongs to; answers the ids it ended (none for an unknown token). */
  abstract signOut(tx: Transaction, tokenHash: string, at: Date): Promise<string[]>;
}
