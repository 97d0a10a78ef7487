import { EntityManager } from 'typeorm';
import { SessionEntity } from '../../infrastructure/entities/session.entity';
import type { SessionHistoryEntity } from '../../infrastructure/entities/session-history.entity';

/** Appends a step to a session's history: rescheduling and cancelling never lose the earlier times. */
export async function recordStep(
  manager: EntityManager,
  session: SessionEntity,
  action: SessionHistoryEntity['action'],
  actor: string,
  at: Date,
  detail: Record<string, unknown> | null = null,
): Promise<void> {
  await manager.query(
    `INSERT INTO session_history (session_id, at, action, actor, starts_at, ends_at, detail) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
    [session.id, at, action, actor, session.startsAt, session.endsAt, detail === null ? null : JSON.stringify(detail)],
  );
}
