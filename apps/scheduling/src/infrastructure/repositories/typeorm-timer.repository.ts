import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Transaction } from '@cmp/kernel';
import { claimDueRows, entityManagerOf } from '@cmp/messaging';
import { DueTimer, TimerKind, TimerRepository, TimerRequest } from '../../application/timers/timer.repository';
import { TimerEntity } from '../entities/timer.entity';

/** A claimed timer, as the worker needs it to record the outcome. */
export interface ClaimedTimer extends DueTimer {
  readonly attempts: number;
}

/**
 * Durable timers as rows. Use cases schedule and cancel them in their own transaction; the timer
 * worker claims, marks and retries them through the same transaction handles.
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
   * The earliest due timers no other transaction holds, locked until the claiming transaction
   * ends: SKIP LOCKED lets a second instance move on to the next rows instead of waiting.
   */
  claimDue(tx: Transaction, limit: number): Promise<readonly ClaimedTimer[]> {
    return claimDueTimers(tx, limit);
  }

  async markFired(tx: Transaction, id: string, by: string): Promise<void> {
    await entityManagerOf(tx).update(TimerEntity, { id }, { status: 'fired', firedAt: tx.now, firedBy: by });
  }

  /** A failed attempt: retried at `retryAt`, or parked as `failed` when there is none. */
  async recordFailure(tx: Transaction, id: string, failure: { attempts: number; lastError: string; retryAt: Date | null }): Promise<void> {
    await entityManagerOf(tx).update(
      TimerEntity,
      { id },
      failure.retryAt
        ? { attempts: failure.attempts, lastError: failure.lastError, dueAt: failure.retryAt }
        : { attempts: failure.attempts, lastError: failure.lastError, status: 'failed' },
    );
  }
}

const claimDueTimers = claimDueRows<ClaimedTimer>({
  table: 'timers',
  dueWhen: `status = 'pending' AND due_at <= $1`,
  orderBy: 'due_at, id',
  columns: ['id', 'kind', 'plan_id', 'session_id', 'payload', 'attempts'],
  toItem: (row) => ({
    id: row.id as string,
    kind: row.kind as TimerKind,
    planId: row.plan_id as string,
    sessionId: row.session_id as string | null,
    payload: row.payload as Record<string, unknown>,
    attempts: row.attempts as number,
  }),
});
