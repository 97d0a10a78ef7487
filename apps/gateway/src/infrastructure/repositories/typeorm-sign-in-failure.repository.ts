import { Injectable } from '@nestjs/common';
import { In, LessThanOrEqual } from 'typeorm';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { SignInFailureRepository } from '../../application/sign-in/sign-in-failure.repository';
import type { FailureRecord } from '../../domain/lockout-policy';
import { SignInFailureEntity } from '../entities/sign-in-failure.entity';
import { entityManagerOf } from '@cmp/messaging';

@Injectable()
export class TypeOrmSignInFailureRepository extends SignInFailureRepository {
  async findByKeys(tx: ReadTransaction, keys: readonly string[]): Promise<FailureRecord[]> {
    if (keys.length === 0) return [];
    return entityManagerOf(tx).findBy(SignInFailureEntity, { key: In([...keys]) });
  }

  async lockForCounting(tx: Transaction, key: string): Promise<FailureRecord | undefined> {
    const manager = entityManagerOf(tx);
    // Inserts or locks the row in one statement: concurrent failures of one key are serialised
    // and each counted, and the retention job cannot delete the row between here and the update.
    await manager.query(
      `INSERT INTO sign_in_failures (key, failures, window_started_at, lockouts, expires_at) VALUES ($1, 0, $2, 0, $2)
       ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key`,
      [key, tx.now],
    );
    const current = await manager.findOneOrFail(SignInFailureEntity, { where: { key } });
    return current.failures === 0 && current.lockouts === 0 && !current.lockedUntil ? undefined : current;
  }

  async save(tx: Transaction, key: string, record: FailureRecord, expiresAt: Date): Promise<void> {
    const { failures, windowStartedAt, lockedUntil, lockouts } = record;
    await entityManagerOf(tx).update(SignInFailureEntity, { key }, { failures, windowStartedAt, lockedUntil, lockouts, expiresAt });
  }

  async deleteKeys(tx: Transaction, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await entityManagerOf(tx).delete(SignInFailureEntity, { key: In([...keys]) });
  }

  async deleteExpired(tx: Transaction): Promise<number> {
    const result = await entityManagerOf(tx).delete(SignInFailureEntity, { expiresAt: LessThanOrEqual(tx.now) });
    return result.affected ?? 0;
  }
}
