import { InvalidRequestError, TransitionRefusedError } from './enrolment-error';
import { isIsoDate, programmeEndsOn } from '@cmp/kernel';

export const COHORT_STATUSES = ['planned', 'open', 'matching', 'running', 'completed'] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];

export interface CohortState {
  status: CohortStatus;
  startsOn: string;
  endsOn: string;
  applicationDeadline: string;
  capacity: number;
}

/** The one order a cohort moves in; no step is skipped and none goes back. */
const NEXT: Record<CohortStatus, CohortStatus | undefined> = {
  planned: 'open',
  open: 'matching',
  matching: 'running',
  running: 'completed',
  completed: undefined,
};

export function planCohort(input: { startsOn: string; endsOn?: string; applicationDeadline: string; capacity: number }): CohortState {
  if (!isIsoDate(input.startsOn)) throw new InvalidRequestError('startsOn must be a date (YYYY-MM-DD)');
  const endsOn = input.endsOn ?? programmeEndsOn(input.startsOn);
  for (const [name, value] of Object.entries({ startsOn: input.startsOn, endsOn, applicationDeadline: input.applicationDeadline })) {
    if (!isIsoDate(value)) throw new InvalidRequestError(`${name} must be a date (YYYY-MM-DD)`);
  }
  if (endsOn <= input.startsOn) throw new InvalidRequestError('a cohort must end after it starts');
  if (input.applicationDeadline > input.startsOn) throw new InvalidRequestError('the application deadline must not be after the start');
  if (!Number.isInteger(input.capacity) || input.capacity < 1) throw new InvalidRequestError('capacity must be at least 1');
  return { status: 'planned', startsOn: input.startsOn, endsOn, applicationDeadline: input.applicationDeadline, capacity: input.capacity };
}

export function advanceCohort(cohort: CohortState, to: CohortStatus): CohortStatus {
  if (NEXT[cohort.status] !== to) {
    throw new TransitionRefusedError(`a ${cohort.status} cohort cannot become ${to}`);
  }
  return to;
}

/** Applications are taken while the cohort is open and the deadline (inclusive) has not passed. */
export function assertTakesApplications(cohort: CohortState, today: string): void {
  if (cohort.status !== 'open') throw new TransitionRefusedError(`the cohort is ${cohort.status}, not open for applications`);
  if (today > cohort.applicationDeadline) throw new TransitionRefusedError(`the application deadline ${cohort.applicationDeadline} has passed`);
}

/** Before the start a withdrawal gives the place (and the referrer's placement) back. */
export function hasStarted(cohort: CohortState, today: string): boolean {
  return cohort.status === 'running' || cohort.status === 'completed' || today >= cohort.startsOn;
}
