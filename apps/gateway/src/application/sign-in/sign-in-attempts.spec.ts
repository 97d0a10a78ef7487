import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { InMemoryUnitOfWork } from '@cmp/testing';
import { GatewayError } from '../../domain/gateway-error';
import { FailureRecord, LockoutPolicy } from '../../domain/lockout-policy';
import { SignInFailureKeys } from '../../domain/sign-in-failure-keys';
import { GatewaySettings } from '../gateway-settings';
import { SignInAttempts } from './sign-in-attempts';
import { SignInFailureRepository } from './sign-in-failure.repository';

class InMemorySignInFailures extends SignInFailureRepository {
  readonly rows = new Map<string, FailureRecord & { expiresAt: Date }>();

  async findByKeys(_tx: ReadTransaction, keys: readonly string[]): Promise<FailureRecord[]> {
    return keys.flatMap((key) => this.rows.get(key) ?? []);
  }

  async lockForCounting(tx: Transaction, key: string): Promise<FailureRecord | undefined> {
    const row = this.rows.get(key);
    if (!row) this.rows.set(key, { failures: 0, windowStartedAt: tx.now, lockedUntil: null, lockouts: 0, expiresAt: tx.now });
    return row && (row.failures > 0 || row.lockouts > 0 || row.lockedUntil) ? row : undefined;
  }

  async save(_tx: Transaction, key: string, record: FailureRecord, expiresAt: Date): Promise<void> {
    this.rows.set(key, { ...record, expiresAt });
  }

  async deleteKeys(_tx: Transaction, keys: readonly string[]): Promise<void> {
    for (const key of keys) this.rows.delete(key);
  }

  async deleteExpired(tx: Transaction): Promise<number> {
    const expired = [...this.rows].filter(([, row]) => row.expiresAt <= tx.now).map(([key]) => key);
    for (const key of expired) this.rows.delete(key);
    return expired.length;
  }
}

const POLICY: LockoutPolicy = { threshold: 3, windowMs: 15 * 60_000, baseLockMs: 60_000, maxLockMs: 30 * 60_000 };

describe('SignInAttempts', () => {
  let now: Date;
  let failures: InMemorySignInFailures;
  let attempts: SignInAttempts;
  const keys = new SignInFailureKeys('a secret of enough length for the keyed hashes');

  beforeEach(() => {
    now = new Date('2026-03-02T09:00:00Z');
    failures = new InMemorySignInFailures();
    const settings = { accountLockout: POLICY, ipLockout: { ...POLICY, threshold: 10 } } as unknown as GatewaySettings;
    attempts = new SignInAttempts(new InMemoryUnitOfWork(() => now), failures, keys, settings);
  });

  const lockRefusal = () =>
    attempts.ensureNotLocked('ada@example.org', '192.0.2.1').then(
      () => undefined,
      (error: unknown) => error,
    );

  it('locks the account for the base lock once the threshold is reached, and says for how long', async () => {
    for (let i = 0; i < POLICY.threshold; i++) await attempts.recordFailure('ada@example.org', '192.0.2.1');

    const refusal = await lockRefusal();
    expect(refusal).toBeInstanceOf(GatewayError);
    expect((refusal as GatewayError).toProblem()).toMatchObject({ type: 'https://cmp.dk/problems/gateway/locked-out', status: 429 });
    expect((refusal as GatewayError).extension('retryAfterSeconds')).toBe(60);

    now = new Date(now.getTime() + 61_000);
    expect(await lockRefusal()).toBeUndefined();
  });

  it('keeps only keyed hashes, and a success clears the account but not the address', async () => {
    await attempts.recordFailure('ada@example.org', '192.0.2.1');
    expect([...failures.rows.keys()].sort()).toEqual([keys.account('ada@example.org'), keys.ip('192.0.2.1')].sort());
    expect([...failures.rows.keys()].join()).not.toContain('ada@example.org');

    await attempts.recordSuccess('ada@example.org');
    expect([...failures.rows.keys()]).toEqual([keys.ip('192.0.2.1')]);
  });
});
