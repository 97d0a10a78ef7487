import { Injectable } from '@nestjs/common';
import { ReadTransaction, Transaction } from '@cmp/kernel';
import { CohortOutcome, Outcome, OutcomeRepository } from '../../application/outcomes/outcome.repository';
import { OutcomeEntity } from '../entities/outcome.entity';
import { entityManagerOf } from '@cmp/messaging';

@Injectable()
export class TypeOrmOutcomeRepository extends OutcomeRepository {
  async add(tx: Transaction, outcome: Outcome): Promise<void> {
    await entityManagerOf(tx).insert(OutcomeEntity, { ...outcome });
  }

  /** Joined with `people` for the mentee's id, which erasure has set to null. */
  ofCohort(tx: ReadTransaction, cohortId: string): Promise<CohortOutcome[]> {
    return entityManagerOf(tx).query(
      `SELECT o.id, p.person_id AS "menteeId", o.status, o.hours, o.terms, o.sector, o.occupation,
              o.through_mentor_network AS "throughMentorNetwork", to_char(o.started_on, 'YYYY-MM-DD') AS "startedOn",
              to_char(o.reported_on, 'YYYY-MM-DD') AS "reportedOn", o.source, o.source_note AS "sourceNote",
              o.follow_up_months AS "followUpMonths", o.recorded_at AS "recordedAt", o.recorded_by AS "recordedBy"
       FROM outcomes o JOIN people p ON p.key = o.person_key
       WHERE o.cohort_id = $1 ORDER BY o.reported_on, o.recorded_at`,
      [cohortId],
    );
  }

  async dropNotesOf(tx: Transaction, personKey: string): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE outcomes SET source_note = NULL WHERE person_key = $1`, [personKey]);
  }
}
