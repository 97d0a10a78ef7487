import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CLOCK, Clock } from '@cmp/platform';
import { lockedOut } from '../../domain/gateway-error';
import { afterFailure, FailureRecord, forgetAfter, LockoutPolicy, lockedForSeconds } from '../../domain/lockout-policy';
import { SignInFailureKeys } from '../../domain/sign-in-failure-keys';
import { SignInFailureEntity } from '../../infrastructure/entities/gateway.entities';
import { GATEWAY_SETTINGS, GatewaySettings } from '../gateway-settings';

/**
 * Persisted failure counts per account and per client IP. Counting is by email, whether or not
 * an account has it, so the lock-out behaves the same for unknown addresses and reveals nothing.
 * Both are stored only as keyed hashes (`SignInFailureKeys`), and each row carries the instant
 * `SignInFailureRetention` deletes it.
 */
@Injectable()
export class SignInAttempts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: SignInFailureKeys,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Refuses (429) while either the account or the IP is locked. */
  async ensureNotLocked(email: string, ip: string): Promise<void> {
    const now = this.clock();
    const rows = await this.dataSource.getRepository(SignInFailureEntity).findBy([{ key: this.keys.account(email) }, { key: this.keys.ip(ip) }]);
    const wait = Math.max(0, ...rows.map((row) => lockedForSeconds(row, now)));
    if (wait > 0) throw lockedOut(wait);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.fail(manager, this.keys.account(email), this.settings.accountLockout);
      await this.fail(manager, this.keys.ip(ip), this.settings.ipLockout);
    });
  }

  /** A success clears the account's record; the IP's stays, since one success says little about an address. */
  async recordSuccess(email: string): Promise<void> {
    await this.dataSource.getRepository(SignInFailureEntity).delete({ key: this.keys.account(email) });
  }

  private async fail(manager: EntityManager, key: string, policy: LockoutPolicy): Promise<void> {
    const now = this.clock();
    // Inserts or locks the row in one statement: concurrent failures of one key are serialised
    // and each counted, and the retention job cannot delete the row between here and the update.
    await manager.query(
      `INSERT INTO sign_in_failures (key, failures, window_started_at, lockouts, expires_at) VALUES ($1, 0, $2, 0, $2)
       ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key`,
      [key, now],
    );
    const current = await manager.findOneOrFail(SignInFailureEntity, { where: { key } });
    const before: FailureRecord | undefined = current.failures === 0 && current.lockouts === 0 && !current.lockedUntil ? undefined : current;
    const next = afterFailure(before, now, policy);
    await manager.update(SignInFailureEntity, { key }, { ...next, expiresAt: forgetAfter(next, policy) });
  }
}
