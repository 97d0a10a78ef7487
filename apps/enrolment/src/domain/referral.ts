import { createHash, randomBytes } from 'node:crypto';
import { ReferralUnusableError, TransitionRefusedError } from './enrolment-error';

export const REFERRAL_STATUSES = ['issued', 'redeemed', 'revoked'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export interface ReferralState {
  status: ReferralStatus;
  expiresAt: Date;
  cohortId: string | null;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * 20 characters from a 32-letter alphabet without look-alikes: 100 bits of randomness, so a
 * code cannot be guessed, typed in groups of four (`ABCD-EFGH-…`).
 */
export function newReferralCode(): string {
  const bytes = randomBytes(20);
  const letters = [...bytes].map((byte) => CODE_ALPHABET[byte % 32]);
  return [0, 4, 8, 12, 16].map((start) => letters.slice(start, start + 4).join('')).join('-');
}

/** Only a hash is stored: a leaked table does not leak usable codes. */
export function hashReferralCode(code: string): string {
  const normalised = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return createHash('sha256').update(normalised).digest('hex');
}

export function assertRedeemable(referral: ReferralState, now: Date, cohortId: string): void {
  if (referral.status === 'redeemed') throw new ReferralUnusableError('the referral code has already been used');
  if (referral.status === 'revoked') throw new ReferralUnusableError('the referral code was revoked');
  if (referral.expiresAt <= now) throw new ReferralUnusableError('the referral code has expired');
  if (referral.cohortId !== null && referral.cohortId !== cohortId) {
    throw new ReferralUnusableError('the referral code is for another cohort');
  }
}

export function revokeReferral(referral: ReferralState): ReferralStatus {
  if (referral.status !== 'issued') throw new TransitionRefusedError(`a ${referral.status} referral cannot be revoked`);
  return 'revoked';
}
