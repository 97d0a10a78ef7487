import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { CohortRules } from '../../domain/candidate';
import type { ScoringWeights } from '../../domain/scoring';

/** A cohort as enrolment announced it, plus the scoring weights its coordinator chose. */
export interface Cohort {
  readonly id: string;
  readonly name: string;
  readonly excludeMentorsFromReferringOrganisation: boolean;
  readonly weights: ScoringWeights | null;
}

export function cohortRules(cohort: Cohort): CohortRules {
  return { cohortId: cohort.id, excludeMentorsFromReferringOrganisation: cohort.excludeMentorsFromReferringOrganisation };
}

export abstract class CohortRepository {
  /** `lock` holds the cohort row until the transaction ends, so two runs cannot start at once. */
  abstract find(tx: ReadTransaction, cohortId: string, options?: { readonly lock?: boolean }): Promise<Cohort | null>;
  /** Creates the cohort or updates what enrolment says of it; the weights are left as they are. */
  abstract upsertScheduled(tx: Transaction, cohort: Omit<Cohort, 'weights'>): Promise<void>;
  abstract setWeights(tx: Transaction, cohortId: string, weights: ScoringWeights): Promise<void>;
}
