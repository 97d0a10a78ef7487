import type { ReadTransaction, Transaction } from '@cmp/kernel';

export interface Cohort {
  readonly id: string;
  readonly name: string;
  readonly startsOn: string;
  readonly endsOn: string;
}

/** What an event says about a mentee in a cohort; facts already known are never taken back. */
export interface ParticipantFacts {
  readonly referringOrganisationId?: string | null;
  readonly placed?: boolean;
  readonly matched?: boolean;
}

export interface NewMentorship {
  readonly matchId: string;
  readonly cohortId: string;
  readonly menteeKey: string;
  readonly mentorKey: string;
}

export interface Mentorship {
  readonly menteeKey: string;
  readonly mentorKey: string;
  readonly status: 'confirmed' | 'ended' | 'completed';
}

/** Evaluation's picture of the programme: cohorts, their participants and the mentorships, all by key. */
export abstract class ProgrammeRepository {
  /** Creates the cohort or replaces its name and dates. */
  abstract saveCohort(tx: Transaction, cohort: Cohort): Promise<void>;
  /** Adds the participant or merges the facts: a referrer is kept unless a new one is named, placed and matched only turn true. */
  abstract mergeParticipant(tx: Transaction, personKey: string, cohortId: string, facts: ParticipantFacts): Promise<void>;
  /** Marks the participant (in one cohort, or in any) withdrawn unless they already completed. */
  abstract withdrawParticipant(tx: Transaction, personKey: string, cohortId: string | null): Promise<void>;
  /** Placed, matched and completed on the first completion date heard of. */
  abstract completeParticipant(tx: Transaction, personKey: string, cohortId: string, completedOn: string): Promise<void>;
  abstract isParticipant(tx: ReadTransaction, personKey: string, cohortId: string): Promise<boolean>;
  /** Adds a confirmed mentorship; one already known under the match id stays as it is. */
  abstract addMentorship(tx: Transaction, mentorship: NewMentorship): Promise<void>;
  abstract mentorship(tx: ReadTransaction, matchId: string): Promise<Mentorship | null>;
  /** Ends a confirmed mentorship; one already ended or completed stays as it is. */
  abstract closeMentorship(tx: Transaction, matchId: string, status: 'ended' | 'completed'): Promise<void>;
  abstract planMentorship(tx: Transaction, matchId: string, startsOn: string, endsOn: string): Promise<void>;
  /** Keeps the highest count heard of, since session events may arrive out of order. */
  abstract recordSessionsHeld(tx: Transaction, matchId: string, sessionsHeld: number): Promise<void>;
  abstract completeMentorship(tx: Transaction, matchId: string, completedOn: string, sessionsHeld: number | null): Promise<void>;
}
