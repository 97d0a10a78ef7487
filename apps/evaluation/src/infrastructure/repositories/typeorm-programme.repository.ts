import { Injectable } from '@nestjs/common';
import { ReadTransaction, Transaction } from '@cmp/kernel';
import { Cohort, Mentorship, NewMentorship, ParticipantFacts, ProgrammeRepository } from '../../application/programme/programme.repository';
import { entityManagerOf } from '@cmp/messaging';

/** `cohorts`, `participants` and `mentorships`, written as upserts since producers repeat themselves. */
@Injectable()
export class TypeOrmProgrammeRepository extends ProgrammeRepository {
  async saveCohort(tx: Transaction, cohort: Cohort): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO cohorts (id, name, starts_on, ends_on) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on`,
      [cohort.id, cohort.name, cohort.startsOn, cohort.endsOn],
    );
  }

  async mergeParticipant(tx: Transaction, personKey: string, cohortId: string, facts: ParticipantFacts): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO participants (person_key, cohort_id, referring_organisation_id, placed, matched) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (person_key, cohort_id) DO UPDATE SET
         referring_organisation_id = COALESCE(EXCLUDED.referring_organisation_id, participants.referring_organisation_id),
         placed = participants.placed OR EXCLUDED.placed,
         matched = participants.matched OR EXCLUDED.matched`,
      [personKey, cohortId, facts.referringOrganisationId ?? null, facts.placed ?? false, facts.matched ?? false],
    );
  }

  async withdrawParticipant(tx: Transaction, personKey: string, cohortId: string | null): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE participants SET withdrawn = true WHERE person_key = $1 AND completed_on IS NULL AND ($2::uuid IS NULL OR cohort_id = $2)`,
      [personKey, cohortId],
    );
  }

  async completeParticipant(tx: Transaction, personKey: string, cohortId: string, completedOn: string): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO participants (person_key, cohort_id, placed, matched, completed_on) VALUES ($1, $2, true, true, $3)
       ON CONFLICT (person_key, cohort_id) DO UPDATE SET placed = true, matched = true, completed_on = COALESCE(participants.completed_on, EXCLUDED.completed_on)`,
      [personKey, cohortId, completedOn],
    );
  }

  async isParticipant(tx: ReadTransaction, personKey: string, cohortId: string): Promise<boolean> {
    const [row] = await entityManagerOf(tx).query(`SELECT 1 FROM participants WHERE person_key = $1 AND cohort_id = $2`, [personKey, cohortId]);
    return row !== undefined;
  }

  async addMentorship(tx: Transaction, mentorship: NewMentorship): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO mentorships (match_id, cohort_id, mentee_key, mentor_key, status) VALUES ($1, $2, $3, $4, 'confirmed')
       ON CONFLICT (match_id) DO NOTHING`,
      [mentorship.matchId, mentorship.cohortId, mentorship.menteeKey, mentorship.mentorKey],
    );
  }

  async mentorship(tx: ReadTransaction, matchId: string): Promise<Mentorship | null> {
    const [row] = await entityManagerOf(tx).query(`SELECT mentee_key, mentor_key, status FROM mentorships WHERE match_id = $1`, [matchId]);
    return row ? { menteeKey: row.mentee_key, mentorKey: row.mentor_key, status: row.status } : null;
  }

  async closeMentorship(tx: Transaction, matchId: string, status: 'ended' | 'completed'): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE mentorships SET status = $2 WHERE match_id = $1 AND status = 'confirmed'`, [matchId, status]);
  }

  async planMentorship(tx: Transaction, matchId: string, startsOn: string, endsOn: string): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE mentorships SET starts_on = $2, ends_on = $3 WHERE match_id = $1`, [matchId, startsOn, endsOn]);
  }

  async recordSessionsHeld(tx: Transaction, matchId: string, sessionsHeld: number): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE mentorships SET sessions_held = GREATEST(COALESCE(sessions_held, 0), $2) WHERE match_id = $1`, [matchId, sessionsHeld]);
  }

  async completeMentorship(tx: Transaction, matchId: string, completedOn: string, sessionsHeld: number | null): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE mentorships SET status = 'completed', completed_on = $2, sessions_held = GREATEST(COALESCE(sessions_held, 0), COALESCE($3, 0)) WHERE match_id = $1`,
      [matchId, completedOn, sessionsHeld],
    );
  }
}
