import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { DueTimer, TimerKind, TimerRepository, TimerRequest } from '../../application/timers/timer.repository';
import { TimerEntity } from '../entities/timer.entity';

/** A claimed timer, as the worker needs it to record the outcome. */
export interface ClaimedTimer extends DueTimer {
  readonly attempts: number;
}

/**
 * Durable timers as rows. Use cases schedule and cancel them in their own transaction; the timer
 * worker (infrastructure, with its own transaction) claims, marks and retries them.
 */
@Injectable()
export class TypeOrmTimerRepository extends TimerRepository {
  /** Idempotent on `dedupeKey`: a redelivered event schedules nothing new. */
  async schedule(tx: Transaction, ...timers: TimerRequest[]): Promise<void> {
    const manager = entityManagerOf(tx);
    for (const timer of timers) {
      await manager.query(
        `INSERT INTO timers (id, kind, dedupe_key, plan_id, session_id, due_at, payload, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, 'pending') ON CONFLICT (dedupe_key) DO NOTHING`,
        [randomUUID(), timer.kind, timer.dedupeKey, timer.planId, timer.sessionId ?? null, timer.dueAt, JSON.stringify(timer.payload ?? {})],
      );
    }
  }

  async cancelForSession(tx: Transaction, sessionId: string): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE timers SET status = 'cancelled' WHERE session_id = $1 AND status = 'pending'`, [sessionId]);
  }

  async cancelForPlan(tx: Transaction, planId: string, kinds?: readonly TimerKind[]): Promise<void> {
    const manager = entityManagerOf(tx);
    if (kinds) await manager.query(`UPDATE timers SET status = 'cancelled' WHERE plan_id = $1 AND status = 'pending' AND kind = ANY($2)`, [planId, kinds]);
    else await manager.query(`UPDATE timers SET status = 'cancelled' WHERE plan_id = $1 AND status = 'pending'`, [planId]);
  }

  /**
   * The earliest due timer no other transaction holds. SKIP LOCKED lets a second instance move on
   * to the next row instead of waiting, and the lock lasts until the caller's transaction ends.
   */
  async claimNextDue(manager: EntityManager, now: Date): Promise<ClaimedTimer | null> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM timers WHERE status = 'pending' AND due_at <= $1 ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    if (rows.length === 0) return null;
    const { id, kind, planId, sessionId, payload, attempts } = await manager.findOneByOrFail(TimerEntity, { id: rows[0].id });
    return { id, kind, planId, sessionId, payload, attempts };
  }

  async markFired(manager: EntityManager, id: string, now: Date, by: string): Promise<void> {
    await manager.update(TimerEntity, { id }, { status: 'fired', firedAt: now, firedBy: by });
  }

  /** A failed attempt: retried at `retryAt`, or parked as `failed` when there is none. */
  async recordFailure(manager: EntityManager, id: string, failure: { attempts: number; lastError: string; retryAt: Date | null }): Promise<void> {
    await manager.update(
      TimerEntity,
      { id },
      failure.retryAt
        ? { attempts: failure.attempts, lastError: failure.lastError, dueAt: failure.retryAt }
        : { attempts: failure.attempts, lastError: failure.lastError, status: 'failed' },
    );
  }
}
