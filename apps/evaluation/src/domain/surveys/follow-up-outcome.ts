import { EMPLOYMENT_HOURS, EMPLOYMENT_TERMS, OUTCOME_STATUSES, OutcomeStatus } from '@cmp/contracts';
import { Answers } from './survey-question';

/** The employment facts a follow-up answer gives, in the shape of an outcome. */
export interface ReportedOutcome {
  readonly status: OutcomeStatus;
  readonly hours: (typeof EMPLOYMENT_HOURS)[number] | null;
  readonly terms: (typeof EMPLOYMENT_TERMS)[number] | null;
  readonly sector: string | null;
  readonly occupation: string | null;
  readonly throughMentorNetwork: boolean | null;
  readonly startedOn: string | null;
}

/**
 * Reads the outcome out of a follow-up response by its stable question ids. A later version of
 * the follow-up survey must keep these ids for its answers to count as outcomes.
 */
export function outcomeFromAnswers(answers: Answers): ReportedOutcome {
  const text = (id: string) => (typeof answers[id] === 'string' ? (answers[id] as string) : null);
  const status = text('status');
  if (!status || !(OUTCOME_STATUSES as readonly string[]).includes(status)) throw new Error('a follow-up response must say the status');
  const network = text('throughMentorNetwork');
  return {
    status: status as OutcomeStatus,
    hours: (text('hours') as ReportedOutcome['hours']) ?? null,
    terms: (text('terms') as ReportedOutcome['terms']) ?? null,
    sector: text('sector'),
    occupation: text('occupation'),
    throughMentorNetwork: network === null ? null : network === 'yes',
    startedOn: text('startedOn'),
  };
}

/** Statuses that have a start date (a job, internship, company or study), which must be given. */
export const STATUSES_WITH_START: readonly OutcomeStatus[] = ['employed', 'internship', 'own-company', 'in-education'];
