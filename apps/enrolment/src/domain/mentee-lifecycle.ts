import { TransitionRefusedError } from './enrolment-error';

export const MENTEE_STATUSES = ['applied', 'accepted', 'rejected', 'waitlisted', 'placed', 'active', 'completed', 'withdrawn'] as const;
export type MenteeStatus = (typeof MENTEE_STATUSES)[number];

/** Statuses in which an application still counts: one such application per email. */
export const OPEN_MENTEE_STATUSES: readonly MenteeStatus[] = ['applied', 'accepted', 'waitlisted', 'placed', 'active'];

/**
 * applied → accepted | rejected; accepted → placed | waitlisted; waitlisted → placed;
 * placed → active (match confirmed) → completed; withdrawn from any open status.
 */
const ALLOWED: Record<MenteeStatus, readonly MenteeStatus[]> = {
  applied: ['accepted', 'rejected', 'withdrawn'],
  accepted: ['placed', 'waitlisted', 'withdrawn'],
  waitlisted: ['placed', 'withdrawn'],
  placed: ['active', 'withdrawn'],
  active: ['completed', 'withdrawn'],
  rejected: [],
  completed: [],
  withdrawn: [],
};

export function moveMentee(from: MenteeStatus, to: MenteeStatus): MenteeStatus {
  if (!ALLOWED[from].includes(to)) {
    throw new TransitionRefusedError(`a mentee who is ${from} cannot become ${to}`);
  }
  return to;
}

/** Where an accepted mentee goes: a free place in the cohort, or the waiting list. */
export function placeOrWaitlist(placedInCohort: number, capacity: number): 'placed' | 'waitlisted' {
  return placedInCohort < capacity ? 'placed' : 'waitlisted';
}

/** Statuses that hold a place in a cohort's capacity. */
export const PLACE_HOLDING_STATUSES: readonly MenteeStatus[] = ['placed', 'active', 'completed'];
