import type { SessionTheme } from '@cmp/contracts';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { ProgrammeRhythm } from '../../domain/programme-rhythm';

export type PlanStatus = 'active' | 'completed' | 'ended';

/** A suggestion of the plan as kept: instants as ISO strings. */
export interface PlannedSession {
  readonly number: number;
  readonly theme: SessionTheme;
  readonly suggestedOn: string;
  readonly suggestedStartsAt?: string;
  readonly suggestedEndsAt?: string;
}

/** The four-month programme of one confirmed match. */
export interface Plan {
  readonly id: string;
  readonly matchId: string;
  readonly cohortId: string;
  readonly menteeId: string;
  readonly mentorId: string;
  readonly confirmedAt: Date;
  /** First and last day of the programme, Copenhagen dates. */
  readonly startsOn: string;
  readonly endsOn: string;
  readonly anchoredOn: 'cohort' | 'confirmation';
  readonly rhythm: ProgrammeRhythm;
  readonly plannedSessions: readonly PlannedSession[];
  readonly status: PlanStatus;
  /** Why an active plan stopped early: the match ended, a person withdrew or was erased. */
  readonly endedReason: string | null;
  readonly lastStalledAt: Date | null;
  readonly createdAt: Date;
}

/** Plans, one per confirmed match. Methods named `lock…` hold the rows until the transaction ends. */
export abstract class PlanRepository {
  abstract ofMatch(tx: ReadTransaction, matchId: string): Promise<Plan | null>;
  abstract lockOfMatch(tx: Transaction, matchId: string): Promise<Plan | null>;
  abstract byId(tx: ReadTransaction, planId: string): Promise<Plan | null>;
  abstract lock(tx: Transaction, planId: string): Promise<Plan | null>;
  /** Any plan the person is (or was) part of, as mentee or mentor. */
  abstract anyOfPerson(tx: ReadTransaction, personId: string): Promise<Plan | null>;
  abstract lockActiveOfPerson(tx: Transaction, personId: string, role: 'mentee' | 'mentor'): Promise<Plan[]>;
  /** Active plans of the cohort still anchored on their confirmation date (the cohort's dates were unknown). */
  abstract lockActiveAnchoredOnConfirmation(tx: Transaction, cohortId: string): Promise<Plan[]>;
  /** The cohort's plans, oldest first. */
  abstract inCohort(tx: ReadTransaction, cohortId: string): Promise<Plan[]>;
  abstract add(tx: Transaction, plan: Plan): Promise<void>;
  abstract update(tx: Transaction, plan: Plan): Promise<void>;
}
