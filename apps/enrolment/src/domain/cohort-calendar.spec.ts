import { addMonths, copenhagenDateOf, endOfCopenhagenDay, isIsoDate } from '@cmp/kernel';

// The calendar rules enrolment's cohorts, deadlines and referral expiry rely on, now taken from
// the kernel's programme calendar: the cases enrolment pinned when it kept its own copy.

describe('calendar dates of the programme', () => {
  describe('isIsoDate', () => {
    it.each(['2026-01-01', '2026-02-28', '2028-02-29', '2026-12-31', '2000-02-29'])('accepts the real calendar date %s', (value) => {
      expect(isIsoDate(value)).toBe(true);
    });

    it.each([
      ['2026-02-30', 'a day February does not have'],
      ['2026-02-29', 'a leap day in a common year'],
      ['1900-02-29', 'a leap day in a century that is not a leap year'],
      ['2026-04-31', 'the 31st of a 30-day month'],
      ['2026-13-01', 'a thirteenth month'],
      ['2026-00-10', 'month zero'],
      ['2026-01-00', 'day zero'],
      ['2026-1-05', 'a month without its leading zero'],
      ['26-01-05', 'a two-digit year'],
      ['2026-01-05T00:00:00Z', 'a timestamp'],
      [' 2026-01-05', 'surrounding whitespace'],
      ['05-01-2026', 'a day-first date'],
      ['', 'an empty string'],
    ])('rejects %s (%s)', (value) => {
      expect(isIsoDate(value)).toBe(false);
    });
  });

  describe('addMonths', () => {
    it('keeps the day of the month when the target month has it', () => {
      expect(addMonths('2026-01-15', 4)).toBe('2026-05-15');
    });

    it('rolls over into the next year', () => {
      expect(addMonths('2026-11-30', 2)).toBe('2027-01-30');
    });

    it('clamps 31 October + 4 months to the last day of February in a common year', () => {
      expect(addMonths('2026-10-31', 4)).toBe('2027-02-28');
    });

    it('clamps 31 October + 4 months to 29 February in a leap year', () => {
      expect(addMonths('2027-10-31', 4)).toBe('2028-02-29');
    });

    it('moves a leap day a year on to 28 February', () => {
      expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    });

    it('moves a leap day four years on to the next leap day', () => {
      expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
    });

    it('clamps the 31st to the 30th of a 30-day month', () => {
      expect(addMonths('2026-05-31', 1)).toBe('2026-06-30');
    });

    it('leaves the date alone when adding no months', () => {
      expect(addMonths('2026-03-31', 0)).toBe('2026-03-31');
    });

    it('goes back in time for negative months, still clamping', () => {
      expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    });
  });

  describe('copenhagenDateOf', () => {
    it('is already the next day in Copenhagen late on a UTC evening in winter (UTC+1)', () => {
      expect(copenhagenDateOf(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-16');
    });

    it('is still the same day in Copenhagen just before local midnight in winter', () => {
      expect(copenhagenDateOf(new Date('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
    });

    it('gives 2026-03-29 for 23:30 UTC on the night summer time starts', () => {
      expect(copenhagenDateOf(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    });

    it('gives 2026-10-25 for 22:30 UTC on the night summer time ends (UTC+2)', () => {
      expect(copenhagenDateOf(new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
    });

    it('is still the same day in Copenhagen just before local midnight in summer', () => {
      expect(copenhagenDateOf(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    });

    it('turns over to the next day at local midnight in summer', () => {
      expect(copenhagenDateOf(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
    });

    it('returns a date that isIsoDate accepts, so it compares with cohort dates as a string', () => {
      expect(isIsoDate(copenhagenDateOf(new Date('2026-12-31T23:00:00Z')))).toBe(true);
      expect(copenhagenDateOf(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    });
  });
});

describe('endOfCopenhagenDay', () => {
  it('is 22:59:59.999 UTC on a winter date', () => {
    expect(endOfCopenhagenDay('2027-01-15').toISOString()).toBe('2027-01-15T22:59:59.999Z');
  });

  it('is 21:59:59.999 UTC on a summer date', () => {
    expect(endOfCopenhagenDay('2027-08-15').toISOString()).toBe('2027-08-15T21:59:59.999Z');
  });

  it('handles the day the clocks go back', () => {
    expect(endOfCopenhagenDay('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.999Z');
  });
});
