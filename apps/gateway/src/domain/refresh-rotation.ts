/**
 * Rotating refresh tokens: every refresh spends the presented token and issues its successor
 * in the same session (the token family). A spent token presented again means two parties hold
 * the family's tokens — one of them stole it — so the whole session is revoked and both must
 * sign in again (OAuth 2.0 Security BCP, refresh token rotation).
 */
export interface RefreshTokenState {
  readonly expiresAt: Date;
  /** When this token was exchanged for its successor. */
  readonly replacedAt: Date | null;
}

export interface SessionState {
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
}

export type RefreshVerdict = 'rotate' | 'unknown' | 'expired' | 'session-ended' | 'reuse-detected';

export function judgeRefresh(token: RefreshTokenState | undefined, session: SessionState | undefined, now: Date): RefreshVerdict {
  if (!token || !session) return 'unknown';
  if (session.revokedAt) return 'session-ended';
  if (token.replacedAt) return 'reuse-detected';
  if (token.expiresAt <= now || session.expiresAt <= now) return 'expired';
  return 'rotate';
}

/** A successor never outlives its session: the session's absolute lifetime bounds the family. */
export function successorExpiry(now: Date, refreshTtlMs: number, session: SessionState): Date {
  return new Date(Math.min(now.getTime() + refreshTtlMs, session.expiresAt.getTime()));
}
