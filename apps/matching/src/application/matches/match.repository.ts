import type { ReadTransaction, Transaction } from '@cmp/kernel';

export type MatchStatus = 'proposed' | 'confirmed' | 'rejected' | 'superseded' | 'ended';
export const MATCH_STATUSES: readonly MatchStatus[] = ['proposed', 'confirmed', 'rejected', 'superseded', 'ended'];
export type MatchOrigin = 'run' | 'rematch' | 'manual';

/** A proposed pair and what became of it. */
export interface Match {
  readonly id: string;
  readonly cohortId: string;
  readonly runId: string | null;
  readonly menteeId: string;
  readonly mentorId: string;
  readonly score: number;
  readonly explanation: object;
  readonly origin: MatchOrigin;
  status: MatchStatus;
  reason: string | null;
  readonly proposedAt: Date;
  decidedAt: Date | null;
}

/** Whose matches: one mentee's or one mentor's. */
export type MatchParty = { readonly menteeId: string } | { readonly mentorId: string };

export abstract class MatchRepository {
  /** Locked until the transaction ends; null when there is no such match. */
  abstract lock(tx: Transaction, matchId: string): Promise<Match | null>;
  /** A run's open proposals (all, or those listed), locked, by mentee id. */
  abstract lockOpenProposalsOfRun(tx: Transaction, runId: string, matchIds?: readonly string[]): Promise<Match[]>;
  abstract lockOpenProposalOf(tx: Transaction, menteeId: string): Promise<Match | null>;
  /** The party's confirmed matches, or the one confirmed match with this id, locked. */
  abstract lockConfirmed(tx: Transaction, which: MatchParty | { readonly matchId: string }): Promise<Match[]>;
  abstract openProposalsOf(tx: ReadTransaction, party: MatchParty): Promise<Match[]>;

  abstract insert(tx: Transaction, matches: readonly Match[]): Promise<void>;
  /** Writes what a decision changes: status, reason and when it was decided. */
  abstract saveDecision(tx: Transaction, match: Match): Promise<void>;
  /** Every open proposal of the cohort is superseded (a new run's draft replaces them). */
  abstract supersedeOpenProposalsOfCohort(tx: Transaction, cohortId: string, at: Date): Promise<void>;

  /** Mentees of the cohort with a match in one of these statuses. */
  abstract menteesWith(tx: ReadTransaction, cohortId: string, statuses: readonly MatchStatus[]): Promise<Set<string>>;
  /** Confirmed matches per mentor, in every cohort. */
  abstract confirmedPerMentor(tx: ReadTransaction): Promise<Map<string, number>>;
  /** Open proposals per mentor in the cohort: places promised but not yet confirmed. */
  abstract proposedPerMentor(tx: ReadTransaction, cohortId: string): Promise<Map<string, number>>;

  abstract ofRun(tx: ReadTransaction, runId: string): Promise<Match[]>;
  abstract ofCohort(tx: ReadTransaction, cohortId: string, status?: MatchStatus): Promise<Match[]>;
  abstract ofPerson(tx: ReadTransaction, personId: string): Promise<Match[]>;
}
