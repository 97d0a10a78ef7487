import type { Cohort } from '../application/cohorts/cohort.repository';
import type { CohortStatus } from '../domain/cohort';

export interface CohortResponse {
  readonly id: string;
  readonly name: string;
  /** Copenhagen calendar dates, `YYYY-MM-DD`. */
  readonly startsOn: string;
  readonly endsOn: string;
  readonly applicationDeadline: string;
  readonly capacity: number;
  readonly status: CohortStatus;
  readonly excludeMentorsFromReferringOrganisation: boolean;
  readonly createdAt: string;
}

export function cohortResponse(cohort: Cohort): CohortResponse {
  return {
    id: cohort.id,
    name: cohort.name,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    applicationDeadline: cohort.applicationDeadline,
    capacity: cohort.capacity,
    status: cohort.status,
    excludeMentorsFromReferringOrganisation: cohort.excludeMentorsFromReferringOrganisation,
    createdAt: cohort.createdAt.toISOString(),
  };
}
