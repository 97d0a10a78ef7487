import { Injectable } from '@nestjs/common';
import type { ReadTransaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { MentorshipRepository } from '../../application/mentorships/mentorship.repository';

@Injectable()
export class TypeOrmMentorshipRepository extends MentorshipRepository {
  async menteesOfMentor(tx: ReadTransaction, mentorId: string): Promise<string[]> {
    const rows: { mentee_id: string }[] = await entityManagerOf(tx).query(`SELECT mentee_id FROM mentorships WHERE mentor_id = $1 AND ended_at IS NULL`, [mentorId]);
    return rows.map((row) => row.mentee_id);
  }

  async matchesOf(tx: ReadTransaction, personId: string): Promise<string[]> {
    // A person has a handful of matches at most, so reading them all is cheaper than a query per id.
    const rows: { match_id: string }[] = await entityManagerOf(tx).query(`SELECT match_id FROM mentorships WHERE mentee_id = $1 OR mentor_id = $1`, [personId]);
    return rows.map((row) => row.match_id);
  }
}
