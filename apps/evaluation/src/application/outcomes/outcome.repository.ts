import type { OutcomeSource } from '@cmp/contracts';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { ReportedOutcome } from '../../domain/surveys/follow-up-outcome';

/** One statement of a mentee's employment status, as recorded. */
export interface Outcome extends ReportedOutcome {
  readonly id: string;
  readonly personKey: string;
  readonly cohortId: string;
  readonly reportedOn: string;
  readonly source: OutcomeSource;
  readonly sourceNote: string | null;
  readonly followUpMonths: number | null;
  readonly invitationId: string | null;
  readonly recordedAt: Date;
  readonly recordedBy: string;
}

/** An outcome as coordinators see it: the mentee by id (null once erased), not by key. */
export interface CohortOutcome extends ReportedOutcome {
  readonly id: string;
  readonly menteeId: string | null;
  readonly reportedOn: string;
  readonly source: OutcomeSource;
  readonly sourceNote: string | null;
  readonly followUpMonths: number | null;
  readonly recordedAt: Date;
  readonly recordedBy: string;
}

export abstract class OutcomeRepository {
  abstract add(tx: Transaction, outcome: Outcome): Promise<void>;
  /** The cohort's outcomes in the order they were reported. */
  abstract ofCohort(tx: ReadTransaction, cohortId: string): Promise<CohortOutcome[]>;
  /** Drops coordinators' notes about the person, which may name them. */
  abstract dropNotesOf(tx: Transaction, personKey: string): Promise<void>;
}
