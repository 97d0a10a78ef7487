import { Injectable } from '@nestjs/common';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { Mentorship, MentorshipRepository } from '../../application/mentorships/mentorship.repository';
import { entityManagerOf } from '@cmp/messaging';

@Injectable()
export class TypeOrmMentorshipRepository extends MentorshipRepository {
  async recordConfirmed(tx: Transaction, { matchId, menteeId, mentorId }: Mentorship): Promise<void> {
    await entityManagerOf(tx).query(`INSERT INTO mentorships (match_id, mentee_id, mentor_id) VALUES ($1, $2, $3) ON CONFLICT (match_id) DO NOTHING`, [
      matchId,
      menteeId,
      mentorId,
    ]);
  }

  async recordEnded(tx: Transaction, { matchId, menteeId, mentorId }: Mentorship, endedAt: Date): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO mentorships (match_id, mentee_id, mentor_id, ended_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (match_id) DO UPDATE SET ended_at = COALESCE(mentorships.ended_at, EXCLUDED.ended_at)`,
      [matchId, menteeId, mentorId, endedAt],
    );
  }

  async currentMenteesOf(tx: ReadTransaction, mentorId: string): Promise<string[]> {
    const rows: { mentee_id: string }[] = await entityManagerOf(tx).query(`SELECT mentee_id FROM mentorships WHERE mentor_id = $1 AND ended_at IS NULL`, [mentorId]);
    return rows.map((row) => row.mentee_id);
  }

  async matchesOf(tx: ReadTransaction, personId: string): Promise<string[]> {
    const rows: { match_id: string }[] = await entityManagerOf(tx).query(`SELECT match_id FROM mentorships WHERE mentee_id = $1 OR mentor_id = $1`, [personId]);
    return rows.map((row) => row.match_id);
  }
}
