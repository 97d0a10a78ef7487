import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CLOCK, Clock } from '@cmp/platform';
import { lockedOut } from '../../domain/gateway-error';
import { afterFailure, FailureRecord, LockoutPolicy, lockedForSeconds } from '../../domain/lockout-policy';
import { SignInFailureEntity } from '../../infrastructure/entities/gateway.entities';
import { GATEWAY_SETTINGS, GatewaySettings } from '../gateway-settings';

/**
 * Persisted failure counts per account and per client IP. Counting is by email, whether or not
 * an account has it, so the lock-out behaves the same for unknown addresses and reveals nothing.
 */
@Injectable()
export class SignInAttempts {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Refuses (429) while either the account or the IP is locked. */
  async ensureNotLocked(email: string, ip: string): Promise<void> {
    const now = this.clock();
    const rows = await this.dataSource.getRepository(SignInFailureEntity).findBy([{ key: accountKey(email) }, { key: ipKey(ip) }]);
    const wait = Math.max(0, ...rows.map((row) => lockedForSeconds(row, now)));
    if (wait > 0) throw lockedOut(wait);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.fail(manager, accountKey(email), this.settings.accountLockout);
      await this.fail(manager, ipKey(ip), this.settings.ipLockout);
    });
  }

  /** A success clears the account's record; the IP's stays, since one success says little about an address. */
  async recordSuccess(email: string): Promise<void> {
    await this.dataSource.getRepository(SignInFailureEntity).delete({ key: accountKey(email) });
  }

  private async fail(manager: EntityManager, key: string, policy: LockoutPolicy): Promise<void> {
    // Serialises concurrent failures of one key, so parallel guesses are each counted.
    await manager.query(
      `INSERT INTO sign_in_failures (key, failures, window_started_at, lockouts) VALUES ($1, 0, $2, 0) ON CONFLICT (key) DO NOTHING`,
      [key, this.clock()],
    );
    const current = await manager.findOneOrFail(SignInFailureEntity, { where: { key }, lock: { mode: 'pessimistic_write' } });
    const before: FailureRecord | undefined = current.failures === 0 && current.lockouts === 0 && !current.lockedUntil ? undefined : current;
    const next = afterFailure(before, this.clock(), policy);
    await manager.update(SignInFailureEntity, { key }, next);
  }
}

const accountKey = (email: string) => `account:${email}`;
const ipKey = (ip: string) => `ip:${ip}`;
