import { Injectable } from '@nestjs/common';
import { In, LessThanOrEqual } from 'typeorm';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { SignInFailureRepository } from '../../application/sign-in/sign-in-failure.repository';
import type { FailureRecord } from '../../domain/lockout-policy';
import { SignInFailureEntity } from '../entities/gateway.entities';

@Injectable()
export class TypeOrmSignInFailureRepository extends SignInFailureRepository {
  async find(tx: ReadTransaction, keys: readonly string[]): Promise<FailureRecord[]> {
    const rows = await entityManagerOf(tx).findBy(SignInFailureEntity, { key: In([...keys]) });
    return rows.map(recordOf);
  }

  async lockForCounting(tx: Transaction, key: string): Promise<FailureRecord | undefined> {
    const manager = entityManagerOf(tx);
    await manager.query(
      `INSERT INTO sign_in_failures (key, failures, window_started_at, lockouts, expires_at) VALUES ($1, 0, $2, 0, $2)
       ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key`,
      [key, tx.now],
    );
    const current = await manager.findOneOrFail(SignInFailureEntity, { where: { key } });
    return current.failures === 0 && current.lockouts === 0 && !current.lockedUntil ? undefined : recordOf(current);
  }

  async save(tx: Transaction, key: string, record: FailureRecord, forgetAt: Date): Promise<void> {
    await entityManagerOf(tx).update(SignInFailureEntity, { key }, { ...record, expiresAt: forgetAt });
  }

  async clear(tx: Transaction, key: string): Promise<void> {
    await entityManagerOf(tx).delete(SignInFailureEntity, { key });
  }

  async deleteExpired(tx: Transaction): Promise<number> {
    const result = await entityManagerOf(tx).delete(SignInFailureEntity, { expiresAt: LessThanOrEqual(tx.now) });
    return result.affected ?? 0;
  }
}

function recordOf(row: SignInFailureEntity): FailureRecord {
  return { failures: row.failures, windowStartedAt: row.windowStartedAt, lockedUntil: row.lockedUntil, lockouts: row.lockouts };
}
