import type { Cohort } from '../application/cohorts/cohort.repository';
import type { ScoringWeights } from '../domain/scoring';

export interface CohortResponse {
  readonly id: string;
  readonly name: string;
  readonly excludeMentorsFromReferringOrganisation: boolean;
  readonly weights: ScoringWeights | null;
}

export function cohortResponse(cohort: Cohort): CohortResponse {
  return { id: cohort.id, name: cohort.name, excludeMentorsFromReferringOrganisation: cohort.excludeMentorsFromReferringOrganisation, weights: cohort.weights };
}
