import type { ReadTransaction, Transaction } from '@cmp/kernel';

/** A confirmed match as the gateway keeps it: enough to tell who mentors whom. */
export interface Mentorship {
  readonly matchId: string;
  readonly menteeId: string;
  readonly mentorId: string;
}

/** The gateway's one read model, built from matching's events. */
export abstract class MentorshipRepository {
  /** Records the pair; a pair already known is left as it is. */
  abstract recordConfirmed(tx: Transaction, mentorship: Mentorship): Promise<void>;

  /** Records the pair as ended at `endedAt`, known or not; an earlier end is kept. */
  abstract recordEnded(tx: Transaction, mentorship: Mentorship, endedAt: Date): Promise<void>;

  /** The mentees the mentor is matched with now. */
  abstract currentMenteesOf(tx: ReadTransaction, mentorId: string): Promise<string[]>;

  /** Every match the person is or was in, on either side. */
  abstract matchesOf(tx: ReadTransaction, personId: string): Promise<string[]>;
}
