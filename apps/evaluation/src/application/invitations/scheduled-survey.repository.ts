import type { SurveyKind } from '@cmp/contracts';
import type { Transaction } from '@cmp/kernel';

export interface DueSurvey {
  readonly id: string;
  readonly kind: SurveyKind;
  readonly matchId: string;
  readonly cohortId: string;
}

/** Durable timers of surveys sent at a set time (the mid-term survey), one per mentorship and kind. */
export abstract class ScheduledSurveyRepository {
  /** Schedules the survey, or moves a still pending one to the new time. */
  abstract schedule(tx: Transaction, kind: SurveyKind, matchId: string, cohortId: string, dueAt: Date): Promise<void>;
  /** Cancels the mentorship's pending surveys. */
  abstract cancelPendingOf(tx: Transaction, matchId: string): Promise<void>;
  /** Up to `limit` pending surveys due by `now`, locked for this transaction and skipped by any other. */
  abstract claimDue(tx: Transaction, now: Date, limit: number): Promise<DueSurvey[]>;
  abstract settle(tx: Transaction, id: string, status: 'sent' | 'cancelled'): Promise<void>;
}
