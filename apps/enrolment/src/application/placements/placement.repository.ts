import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { PlacementQuotaState } from '../../domain/placement-quota';

/** The places an organisation reserved in a cohort, and how many its referrals used. */
export interface PlacementQuota extends PlacementQuotaState {
  readonly organisationId: string;
  readonly cohortId: string;
}

export abstract class PlacementRepository {
  /** Locked until the transaction ends, so concurrent referrals cannot over-promise. */
  abstract lock(tx: Transaction, organisationId: string, cohortId: string): Promise<PlacementQuota | null>;
  abstract saveUsed(tx: Transaction, quota: PlacementQuota): Promise<void>;
  /** Places reserved in the cohort by every organisation together. */
  abstract reservedInCohort(tx: ReadTransaction, cohortId: string): Promise<number>;
  /** Adds to the organisation's reservation (creating it at 0 used) and returns the quota after. */
  abstract reserve(tx: Transaction, organisationId: string, cohortId: string, count: number): Promise<PlacementQuota>;
  /** By cohort. */
  abstract ofOrganisation(tx: ReadTransaction, organisationId: string): Promise<PlacementQuota[]>;
}
