/** A kept request as the repository reads it back: its answer is still sealed. */
export interface KeptRequest {
  readonly fingerprint: string;
  /** Null while the first attempt is still running. */
  readonly status: number | null;
  readonly sealedResponse: Buffer | null;
}

/**
 * The gateway's record of POSTs sent with an `Idempotency-Key`. Each call is one statement on its
 * own (no unit of work): a claim must be visible to a concurrent request at once.
 */
export abstract class IdempotentRequestRepository {
  /**
   * Claims the key for a new attempt, in one statement so two concurrent requests cannot both
   * claim it: a free key, an expired record or an abandoned attempt (lease over) is taken.
   */
  abstract claim(caller: string, key: string, fingerprint: string, leaseMs: number, keepForMs: number): Promise<boolean>;
  abstract find(caller: string, key: string): Promise<KeptRequest | undefined>;
  /** Keeps the answer of the attempt that holds the key; a no-op if another attempt took it over. */
  abstract complete(caller: string, key: string, fingerprint: string, status: number, sealedResponse: Buffer): Promise<void>;
  /** Frees the key of an attempt that did not answer (or answered 5xx), so the client may retry. */
  abstract release(caller: string, key: string, fingerprint: string): Promise<void>;
  abstract deleteExpired(): Promise<void>;
}
