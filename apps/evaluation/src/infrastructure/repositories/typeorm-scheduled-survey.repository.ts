import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SurveyKind } from '@cmp/contracts';
import { Transaction } from '@cmp/kernel';
import { DueSurvey, ScheduledSurveyRepository } from '../../application/invitations/scheduled-survey.repository';
import { entityManagerOf } from '@cmp/messaging';

@Injectable()
export class TypeOrmScheduledSurveyRepository extends ScheduledSurveyRepository {
  async schedule(tx: Transaction, kind: SurveyKind, matchId: string, cohortId: string, dueAt: Date): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO scheduled_surveys (id, kind, match_id, cohort_id, due_at, status) VALUES ($1, $2, $3, $4, $5, 'pending')
       ON CONFLICT (match_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at WHERE scheduled_surveys.status = 'pending'`,
      [randomUUID(), kind, matchId, cohortId, dueAt],
    );
  }

  async cancelPendingOf(tx: Transaction, matchId: string): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE scheduled_surveys SET status = 'cancelled' WHERE match_id = $1 AND status = 'pending'`, [matchId]);
  }

  async claimDue(tx: Transaction, now: Date, limit: number): Promise<DueSurvey[]> {
    const rows: { id: string; kind: SurveyKind; match_id: string; cohort_id: string }[] = await entityManagerOf(tx).query(
      `SELECT id, kind, match_id, cohort_id FROM scheduled_surveys WHERE status = 'pending' AND due_at <= $1
       ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((row) => ({ id: row.id, kind: row.kind, matchId: row.match_id, cohortId: row.cohort_id }));
  }

  async settle(tx: Transaction, id: string, status: 'sent' | 'cancelled'): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE scheduled_surveys SET status = $2 WHERE id = $1`, [id, status]);
  }
}
