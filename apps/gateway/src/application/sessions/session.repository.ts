import type { Transaction } from '@cmp/kernel';
import type { RefreshTokenState, SessionState } from '../../domain/refresh-rotation';

/** One sign-in: the family of refresh tokens that rotate from it. */
export interface Session extends SessionState {
  readonly id: string;
  readonly accountId: string;
  readonly createdAt: Date;
  readonly revokedReason: string | null;
}

export interface RefreshToken extends RefreshTokenState {
  readonly id: string;
  readonly sessionId: string;
  /** Only the hash is kept; the token itself is shown once. */
  readonly tokenHash: string;
  readonly createdAt: Date;
}

export abstract class SessionRepository {
  abstract addSession(tx: Transaction, session: Session): Promise<void>;

  abstract addRefreshToken(tx: Transaction, token: RefreshToken): Promise<void>;

  /** The token with this hash, locked until the transaction ends so one rotation wins. */
  abstract lockRefreshToken(tx: Transaction, tokenHash: string): Promise<RefreshToken | undefined>;

  /** The session, locked until the transaction ends. */
  abstract lockSession(tx: Transaction, sessionId: string): Promise<Session | undefined>;

  abstract revoke(tx: Transaction, sessionId: string, reason: string): Promise<void>;

  /** Marks a refresh token spent by its successor. */
  abstract markReplaced(tx: Transaction, tokenId: string): Promise<void>;

  /** Ends the open session this refresh token belongs to; returns the ids of the sessions it ended. */
  abstract signOutByRefreshToken(tx: Transaction, tokenHash: string): Promise<string[]>;
}
