import { Inject, Injectable } from '@nestjs/common';
import { Transaction, UnitOfWork } from '@cmp/kernel';
import { lockedOut } from '../../domain/gateway-error';
import { afterFailure, forgetAfter, LockoutPolicy, lockedForSeconds } from '../../domain/lockout-policy';
import { SignInFailureKeys } from '../../domain/sign-in-failure-keys';
import { GATEWAY_SETTINGS, GatewaySettings } from '../gateway-settings';
import { SignInFailureRepository } from './sign-in-failure.repository';

/** Who the counters' writes are recorded as: no person asks for them. */
const SIGN_IN_ACTOR = 'system:gateway';

/**
 * Persisted failure counts per account and per client IP. Counting is by email, whether or not
 * an account has it, so the lock-out behaves the same for unknown addresses and reveals nothing.
 * Both are stored only as keyed hashes (`SignInFailureKeys`), and each row carries the instant
 * `SignInFailureRetention` deletes it.
 */
@Injectable()
export class SignInAttempts {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly failures: SignInFailureRepository,
    private readonly keys: SignInFailureKeys,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  /** Refuses (429) while either the account or the IP is locked. */
  async ensureNotLocked(email: string, ip: string): Promise<void> {
    const wait = await this.unitOfWork.read(async (tx) => {
      const records = await this.failures.findByKeys(tx, [this.keys.account(email), this.keys.ip(ip)]);
      return Math.max(0, ...records.map((record) => lockedForSeconds(record, tx.now)));
    });
    if (wait > 0) throw lockedOut(wait);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.unitOfWork.run(SIGN_IN_ACTOR, async (tx) => {
      await this.fail(tx, this.keys.account(email), this.settings.accountLockout);
      await this.fail(tx, this.keys.ip(ip), this.settings.ipLockout);
    });
  }

  /** A success clears the account's record; the IP's stays, since one success says little about an address. */
  async recordSuccess(email: string): Promise<void> {
    await this.unitOfWork.run(SIGN_IN_ACTOR, (tx) => this.failures.deleteKeys(tx, [this.keys.account(email)]));
  }

  private async fail(tx: Transaction, key: string, policy: LockoutPolicy): Promise<void> {
    const before = await this.failures.lockForCounting(tx, key);
    const next = afterFailure(before, tx.now, policy);
    await this.failures.save(tx, key, next, forgetAfter(next, policy));
  }
}
