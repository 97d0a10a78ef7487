/**
 * Exponential backoff computed from the attempt count alone, so a retry's due time is just a
 * column (`next_attempt_at`) and survives restarts.
 */
export interface RetryPolicy {
  /** Delay after the first failure. */
  readonly initialDelayMs: number;
  /** The delay doubles per failure up to this. */
  readonly maxDelayMs: number;
  /** Give up after this many attempts... */
  readonly maxAttempts?: number;
  /** ...or once this long has passed since the first attempt. */
  readonly giveUpAfterMs?: number;
}

/** Mail: 30 s, 1, 2, 4 … minutes, capped at one hour, ten attempts (about six hours). */
export const MAIL_RETRY_POLICY: RetryPolicy = { initialDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 10 };

/** Webhooks: 30 s doubling to an hour, for up to 24 hours after the first attempt. */
export const WEBHOOK_RETRY_POLICY: RetryPolicy = { initialDelayMs: 30_000, maxDelayMs: 3_600_000, giveUpAfterMs: 24 * 3_600_000 };

export function retryDelayMs(policy: RetryPolicy, failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2^exponent overflows to Infinity long after it passes the cap; min() handles both.
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** exponent);
}

/** When to try again after `failedAttempts` failures, or null when it is time to give up. */
export function nextAttemptAt(policy: RetryPolicy, failedAttempts: number, firstAttemptAt: Date, now: Date): Date | null {
  if (policy.maxAttempts !== undefined && failedAttempts >= policy.maxAttempts) return null;
  const next = new Date(now.getTime() + retryDelayMs(policy, failedAttempts));
  if (policy.giveUpAfterMs !== undefined && next.getTime() - firstAttemptAt.getTime() > policy.giveUpAfterMs) return null;
  return next;
}
