import type { ReadTransaction } from '@cmp/kernel';

/** The gateway's read model of who mentors whom, as the ownership rules ask it. */
export abstract class MentorshipRepository {
  /** The mentees the mentor is matched with now (ended matches excluded). */
  abstract menteesOfMentor(tx: ReadTransaction, mentorId: string): Promise<string[]>;
  /** Every match the person is or was in, on either side. */
  abstract matchesOf(tx: ReadTransaction, personId: string): Promise<string[]>;
}
