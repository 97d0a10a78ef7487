import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { CohortState } from '../../domain/cohort';
import type { Page, PageRequest } from '../page';

export interface Cohort extends CohortState {
  readonly id: string;
  readonly name: string;
  readonly excludeMentorsFromReferringOrganisation: boolean;
  readonly createdAt: Date;
}

export abstract class CohortRepository {
  abstract find(tx: ReadTransaction, cohortId: string): Promise<Cohort | null>;
  /** Every change to who holds a cohort's places goes through this lock. */
  abstract lock(tx: Transaction, cohortId: string): Promise<Cohort | null>;
  /** How many of these ids name a cohort. */
  abstract countExisting(tx: ReadTransaction, cohortIds: readonly string[]): Promise<number>;
  abstract insert(tx: Transaction, cohort: Omit<Cohort, 'createdAt'>): Promise<Cohort>;
  /** Writes the plan and the status. */
  abstract save(tx: Transaction, cohort: Cohort): Promise<void>;
  /** By start date. */
  abstract page(tx: ReadTransaction, page: PageRequest, filter: { readonly status?: string }): Promise<Page<Cohort>>;
}
