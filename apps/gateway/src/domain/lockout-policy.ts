/**
 * How repeated sign-in failures slow an attacker down. Failures are counted per key (an
 * account's email, a client IP) within a window; reaching the threshold locks the key, and each
 * further lock-out before a success doubles the lock up to a cap. The cap bounds how long a
 * stranger can keep someone else's account locked by guessing on purpose.
 */
export interface LockoutPolicy {
  readonly threshold: number;
  readonly windowMs: number;
  readonly baseLockMs: number;
  readonly maxLockMs: number;
}

/** The persisted state of one key. */
export interface FailureRecord {
  readonly failures: number;
  readonly windowStartedAt: Date;
  readonly lockedUntil: Date | null;
  /** Lock-outs since the last successful sign-in; drives the doubling. */
  readonly lockouts: number;
}

export const ACCOUNT_LOCKOUT: LockoutPolicy = { threshold: 5, windowMs: 15 * 60_000, baseLockMs: 60_000, maxLockMs: 30 * 60_000 };
/** Many people share an office or campus address, so an IP gets more room than one account. */
export const IP_LOCKOUT: LockoutPolicy = { threshold: 30, windowMs: 15 * 60_000, baseLockMs: 60_000, maxLockMs: 30 * 60_000 };

/** Seconds until the key may try again, or 0 when it is not locked. */
export function lockedForSeconds(record: FailureRecord | undefined, now: Date): number {
  if (!record?.lockedUntil) return 0;
  const remaining = record.lockedUntil.getTime() - now.getTime();
  return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
}

/** The state after one more failed attempt. */
export function afterFailure(record: FailureRecord | undefined, now: Date, policy: LockoutPolicy): FailureRecord {
  const lockouts = record?.lockouts ?? 0;
  const windowOpen = record !== undefined && now.getTime() - record.windowStartedAt.getTime() < policy.windowMs;
  const failures = windowOpen ? record.failures + 1 : 1;
  const windowStartedAt = windowOpen ? record.windowStartedAt : now;
  if (failures < policy.threshold) {
    return { failures, windowStartedAt, lockedUntil: record?.lockedUntil ?? null, lockouts };
  }
  const lockMs = Math.min(policy.baseLockMs * 2 ** lockouts, policy.maxLockMs);
  // The count starts over once the lock is set: the next lock needs a full threshold again.
  return { failures: 0, windowStartedAt: now, lockedUntil: new Date(now.getTime() + lockMs), lockouts: lockouts + 1 };
}

/**
 * When a record may be deleted: once its window has closed and any lock has run out, plus the
 * longest lock. Until then it still counts (failures in the window, the lock itself, and the
 * number of lock-outs that doubles the next lock for someone who waits a lock out and goes on
 * guessing); after that it only says that someone once typed this address, which is not worth
 * keeping.
 */
export function forgetAfter(record: FailureRecord, policy: LockoutPolicy): Date {
  const windowEnds = record.windowStartedAt.getTime() + policy.windowMs;
  const lockEnds = record.lockedUntil?.getTime() ?? 0;
  return new Date(Math.max(windowEnds, lockEnds) + policy.maxLockMs);
}
