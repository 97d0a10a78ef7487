import { QuotaExhaustedError } from './enrolment-error';

export interface PlacementQuotaState {
  reserved: number;
  used: number;
}

/**
 * A cohort-bound referral holds a placement from the moment it is issued, so an organisation can
 * never hand out more codes for a cohort than it has placements in it.
 */
export function assertCanHold(quota: PlacementQuotaState | undefined, outstandingReferrals: number): void {
  const reserved = quota?.reserved ?? 0;
  if ((quota?.used ?? 0) + outstandingReferrals >= reserved) {
    throw new QuotaExhaustedError(`all ${reserved} placements of the organisation in this cohort are used or promised`);
  }
}

/**
 * Redeeming a referral consumes a placement. A cohort-bound referral already holds one; an
 * open-ended one needs a placement that no outstanding cohort-bound referral has promised.
 */
export function consumePlacement(quota: PlacementQuotaState | undefined, heldByThisReferral: boolean, heldByOthers: number): number {
  const reserved = quota?.reserved ?? 0;
  const used = quota?.used ?? 0;
  const promised = heldByThisReferral ? 0 : heldByOthers;
  if (used + promised >= reserved) {
    throw new QuotaExhaustedError(`the referring organisation has no placements left in this cohort (${reserved} reserved)`);
  }
  return used + 1;
}

export function releasePlacement(quota: PlacementQuotaState): number {
  return Math.max(0, quota.used - 1);
}
