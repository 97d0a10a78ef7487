import { QuotaExhaustedError } from './enrolment-error';
import { assertCanHold, consumePlacement, releasePlacement } from './placement-quota';
import { refusalOf } from './refusal-of.test-helper';

describe('placement quota of a referring organisation', () => {
  describe('assertCanHold', () => {
    it('lets a referral hold a placement when nothing is used or promised', () => {
      expect(() => assertCanHold({ reserved: 3, used: 0 }, 0)).not.toThrow();
    });

    it('lets a referral hold the last free placement', () => {
      expect(() => assertCanHold({ reserved: 3, used: 1 }, 1)).not.toThrow();
    });

    it('refuses a new referral when used and promised placements fill the reservation', () => {
      const refusal = refusalOf(() => assertCanHold({ reserved: 3, used: 1 }, 2));
      expect(refusal).toBeInstanceOf(QuotaExhaustedError);
      expect(refusal.message).toBe('all 3 placements of the organisation in this cohort are used or promised');
    });

    it('refuses a new referral when every placement is used', () => {
      expect(() => assertCanHold({ reserved: 3, used: 3 }, 0)).toThrow(QuotaExhaustedError);
    });

    it('refuses a new referral when every placement is promised to outstanding referrals', () => {
      expect(() => assertCanHold({ reserved: 3, used: 0 }, 3)).toThrow(QuotaExhaustedError);
    });

    it('refuses a new referral when the organisation is already over its reservation', () => {
      expect(() => assertCanHold({ reserved: 2, used: 2 }, 1)).toThrow(QuotaExhaustedError);
    });

    it('treats an organisation without a quota in the cohort as having none reserved', () => {
      const refusal = refusalOf(() => assertCanHold(undefined, 0));
      expect(refusal).toBeInstanceOf(QuotaExhaustedError);
      expect(refusal.message).toBe('all 0 placements of the organisation in this cohort are used or promised');
    });

    it('refuses a referral against a quota of zero placements', () => {
      expect(() => assertCanHold({ reserved: 0, used: 0 }, 0)).toThrow(QuotaExhaustedError);
    });
  });

  describe('consumePlacement', () => {
    it('consumes a placement for a cohort-bound referral and returns the new count of used placements', () => {
      expect(consumePlacement({ reserved: 3, used: 1 }, true, 0)).toBe(2);
    });

    it('lets a referral that holds a placement consume it even when others hold all the rest', () => {
      expect(consumePlacement({ reserved: 3, used: 0 }, true, 2)).toBe(1);
    });

    it('lets the last holding referral take the last placement', () => {
      expect(consumePlacement({ reserved: 3, used: 2 }, true, 0)).toBe(3);
    });

    it('refuses even a holding referral once every placement is used', () => {
      expect(() => consumePlacement({ reserved: 3, used: 3 }, true, 0)).toThrow(QuotaExhaustedError);
    });

    it('lets an open-ended referral take a placement nobody has promised', () => {
      expect(consumePlacement({ reserved: 3, used: 1 }, false, 1)).toBe(2);
    });

    it('refuses an open-ended referral when the free placements are all promised to others', () => {
      const refusal = refusalOf(() => consumePlacement({ reserved: 3, used: 1 }, false, 2));
      expect(refusal).toBeInstanceOf(QuotaExhaustedError);
      expect(refusal.message).toBe('the referring organisation has no placements left in this cohort (3 reserved)');
    });

    it('refuses an open-ended referral when every placement is used', () => {
      expect(() => consumePlacement({ reserved: 3, used: 3 }, false, 0)).toThrow(QuotaExhaustedError);
    });

    it('refuses any referral when the organisation has no quota in the cohort', () => {
      const refusal = refusalOf(() => consumePlacement(undefined, false, 0));
      expect(refusal).toBeInstanceOf(QuotaExhaustedError);
      expect(refusal.message).toBe('the referring organisation has no placements left in this cohort (0 reserved)');
      expect(() => consumePlacement(undefined, true, 0)).toThrow(QuotaExhaustedError);
    });
  });

  describe('releasePlacement', () => {
    it('gives a used placement back when a placed mentee withdraws before the start', () => {
      expect(releasePlacement({ reserved: 3, used: 2 })).toBe(1);
    });

    it('frees the last used placement', () => {
      expect(releasePlacement({ reserved: 3, used: 1 })).toBe(0);
    });

    it('never counts below zero used placements', () => {
      expect(releasePlacement({ reserved: 3, used: 0 })).toBe(0);
    });
  });
});
