import type { OrganisationKind } from '@cmp/contracts';
import type { Organisation } from '../application/organisations/organisation.repository';
import type { PlacementQuota } from '../application/placements/placement.repository';
import type { Referral } from '../application/referrals/referral.repository';
import type { ReferralStatus } from '../domain/referral';
import { isoOrNull } from './page.responses';

export interface OrganisationResponse {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly createdAt: string;
}

export interface PlacementQuotaResponse {
  readonly organisationId: string;
  readonly cohortId: string;
  readonly reserved: number;
  readonly used: number;
}

/**
 * What a partner sees of its codes: never the code's hash, and never who redeemed one (staff find
 * that as the mentee's `referralId`). A partner must not hold a person's CMP id, which other
 * services keep on the anonymous rows that outlive an erasure (webhooks give partners a pseudonym).
 */
export interface ReferralResponse {
  readonly id: string;
  readonly organisationId: string;
  readonly cohortId: string | null;
  readonly expiresAt: string;
  readonly status: ReferralStatus;
  readonly redeemedAt: string | null;
  readonly createdAt: string;
}

/** A code just issued: the only answer that carries the code itself. */
export interface IssuedReferralResponse extends ReferralResponse {
  /** Always null: a code just issued has not been redeemed by anyone. */
  readonly menteeId: null;
  readonly code: string;
}

export function organisationResponse(organisation: Organisation): OrganisationResponse {
  return { id: organisation.id, name: organisation.name, kind: organisation.kind, createdAt: organisation.createdAt.toISOString() };
}

export function placementQuotaResponse(quota: PlacementQuota): PlacementQuotaResponse {
  return { organisationId: quota.organisationId, cohortId: quota.cohortId, reserved: quota.reserved, used: quota.used };
}

export function referralResponse(referral: Referral): ReferralResponse {
  return {
    id: referral.id,
    organisationId: referral.organisationId,
    cohortId: referral.cohortId,
    expiresAt: referral.expiresAt.toISOString(),
    status: referral.status,
    redeemedAt: isoOrNull(referral.redeemedAt),
    createdAt: referral.createdAt.toISOString(),
  };
}

export function issuedReferralResponse(referral: Referral, code: string): IssuedReferralResponse {
  return { ...referralResponse(referral), menteeId: null, code };
}
