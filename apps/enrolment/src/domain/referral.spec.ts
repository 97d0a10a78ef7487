import { ReferralUnusableError, TransitionRefusedError } from './enrolment-error';
import { REFERRAL_STATUSES, ReferralState, assertRedeemable, hashReferralCode, newReferralCode, revokeReferral } from './referral';
import { refusalOf } from './refusal-of.test-helper';

const CODE_FORMAT = /^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){4}$/;
const NOW = new Date('2026-06-01T12:00:00Z');

function referral(overrides: Partial<ReferralState> = {}): ReferralState {
  return { status: 'issued', expiresAt: new Date('2026-07-01T00:00:00Z'), cohortId: 'cohort-autumn-2026', ...overrides };
}

describe('referral', () => {
  it('knows a referral as issued, redeemed or revoked', () => {
    expect(REFERRAL_STATUSES).toEqual(['issued', 'redeemed', 'revoked']);
  });

  describe('newReferralCode', () => {
    const codes = Array.from({ length: 10_000 }, () => newReferralCode());

    it('is five groups of four characters, e.g. ABCD-EFGH-JKLM-NPQR-2345', () => {
      for (const code of codes) expect(code).toMatch(CODE_FORMAT);
    });

    it('never uses the look-alikes 0, O, 1 or I', () => {
      expect(codes.join('')).not.toMatch(/[0O1I]/);
    });

    it('draws on all 32 letters of its alphabet', () => {
      const used = new Set(codes.join('').replace(/-/g, ''));
      expect([...used].sort().join('')).toBe('23456789ABCDEFGHJKLMNPQRSTUVWXYZ');
    });

    it('gives 10,000 different codes in 10,000 draws', () => {
      expect(new Set(codes).size).toBe(10_000);
    });
  });

  describe('hashReferralCode', () => {
    const code = 'ABCD-EFGH-JKLM-NPQR-2345';

    it('is a SHA-256 hex digest that does not contain the code', () => {
      const hash = hashReferralCode(code);
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(hash).not.toContain('ABCD');
    });

    it('finds the code however the mentee types its case', () => {
      expect(hashReferralCode('abcd-efgh-jklm-npqr-2345')).toBe(hashReferralCode(code));
      expect(hashReferralCode('aBcD-eFgH-jKlM-nPqR-2345')).toBe(hashReferralCode(code));
    });

    it('finds the code with or without its dashes', () => {
      expect(hashReferralCode('ABCDEFGHJKLMNPQR2345')).toBe(hashReferralCode(code));
      expect(hashReferralCode('ABCD EFGH JKLM NPQR 2345')).toBe(hashReferralCode(code));
    });

    it('gives different hashes for different codes', () => {
      expect(hashReferralCode('ABCD-EFGH-JKLM-NPQR-2346')).not.toBe(hashReferralCode(code));
    });

    it('gives 1,000 different hashes for 1,000 new codes', () => {
      const hashes = Array.from({ length: 1_000 }, () => hashReferralCode(newReferralCode()));
      expect(new Set(hashes).size).toBe(1_000);
    });
  });

  describe('assertRedeemable', () => {
    it('lets an issued, unexpired referral for this cohort be redeemed', () => {
      expect(() => assertRedeemable(referral(), NOW, 'cohort-autumn-2026')).not.toThrow();
    });

    it('lets a referral be redeemed a millisecond before it expires', () => {
      expect(() => assertRedeemable(referral({ expiresAt: new Date(NOW.getTime() + 1) }), NOW, 'cohort-autumn-2026')).not.toThrow();
    });

    it('lets an open-ended referral be redeemed for any cohort', () => {
      const openEnded = referral({ cohortId: null });
      expect(() => assertRedeemable(openEnded, NOW, 'cohort-autumn-2026')).not.toThrow();
      expect(() => assertRedeemable(openEnded, NOW, 'cohort-spring-2027')).not.toThrow();
    });

    it('refuses a referral that has already been redeemed', () => {
      const refusal = refusalOf(() => assertRedeemable(referral({ status: 'redeemed' }), NOW, 'cohort-autumn-2026'));
      expect(refusal).toBeInstanceOf(ReferralUnusableError);
      expect(refusal.message).toBe('the referral code has already been used');
    });

    it('refuses a revoked referral', () => {
      const refusal = refusalOf(() => assertRedeemable(referral({ status: 'revoked' }), NOW, 'cohort-autumn-2026'));
      expect(refusal).toBeInstanceOf(ReferralUnusableError);
      expect(refusal.message).toBe('the referral code was revoked');
    });

    it('refuses a referral after it has expired', () => {
      const refusal = refusalOf(() => assertRedeemable(referral({ expiresAt: new Date('2026-05-31T23:59:59Z') }), NOW, 'cohort-autumn-2026'));
      expect(refusal).toBeInstanceOf(ReferralUnusableError);
      expect(refusal.message).toBe('the referral code has expired');
    });

    it('counts the instant of expiry itself as expired', () => {
      const refusal = refusalOf(() => assertRedeemable(referral({ expiresAt: new Date(NOW.getTime()) }), NOW, 'cohort-autumn-2026'));
      expect(refusal).toBeInstanceOf(ReferralUnusableError);
      expect(refusal.message).toBe('the referral code has expired');
    });

    it('refuses a referral bound to another cohort', () => {
      const refusal = refusalOf(() => assertRedeemable(referral({ cohortId: 'cohort-autumn-2026' }), NOW, 'cohort-spring-2027'));
      expect(refusal).toBeInstanceOf(ReferralUnusableError);
      expect(refusal.message).toBe('the referral code is for another cohort');
    });

    it('refuses an expired open-ended referral', () => {
      expect(() => assertRedeemable(referral({ cohortId: null, expiresAt: new Date('2026-01-01T00:00:00Z') }), NOW, 'cohort-autumn-2026')).toThrow(
        ReferralUnusableError,
      );
    });
  });

  describe('revokeReferral', () => {
    it('revokes an issued referral', () => {
      expect(revokeReferral(referral({ status: 'issued' }))).toBe('revoked');
    });

    it('revokes an issued referral even after it has expired', () => {
      expect(revokeReferral(referral({ status: 'issued', expiresAt: new Date('2020-01-01T00:00:00Z') }))).toBe('revoked');
    });

    it.each(['redeemed', 'revoked'] as const)('refuses to revoke a %s referral', (status) => {
      const refusal = refusalOf(() => revokeReferral(referral({ status })));
      expect(refusal).toBeInstanceOf(TransitionRefusedError);
      expect(refusal.message).toBe(`a ${status} referral cannot be revoked`);
    });
  });
});
