/**
 * Whether a session is still open, as every authenticated request asks. An implementation may
 * answer from a cache, but a revoked session must stop counting as open at once.
 */
export abstract class OpenSessions {
  abstract isOpen(sessionId: string): Promise<boolean>;

  /** For this instance's own revocations: drop whatever is cached about the session. */
  abstract forget(sessionId: string): void;
}
