import {
  PROGRAMME_MONTHS,
  addDays,
  addMonths,
  copenhagenDateOf,
  copenhagenInstant,
  copenhagenIso,
  daysBetween,
  endOfCopenhagenDay,
  isIsoDate,
  laterDate,
  midpoint,
  programmeEndsOn,
} from './programme-calendar';

// Daylight saving in Copenhagen: summer time starts 2027-03-28 at 02:00 (clocks jump to 03:00)
// and ends 2027-10-31 at 03:00 (clocks go back to 02:00).

describe('the programme calendar', () => {
  describe('isIsoDate', () => {
    it.each(['2026-01-01', '2026-02-28', '2028-02-29', '2026-12-31', '2000-02-29'])('accepts the real calendar date %s', (value) => {
      expect(isIsoDate(value)).toBe(true);
    });

    it.each([
      ['2026-02-30', 'a day February does not have'],
      ['2027-02-29', 'a leap day in a common year'],
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
      [20260105, 'a number'],
      [null, 'nothing'],
    ] as [unknown, string][])('rejects %p (%s)', (value) => {
      expect(isIsoDate(value)).toBe(false);
    });
  });

  describe('date arithmetic', () => {
    it('counts calendar days across both daylight-saving changes as whole days', () => {
      expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
      expect(addDays('2027-10-30', 2)).toBe('2027-11-01');
      expect(daysBetween('2027-03-27', '2027-04-03')).toBe(7);
      expect(daysBetween('2027-10-27', '2027-11-03')).toBe(7);
      expect(daysBetween('2027-04-03', '2027-03-27')).toBe(-7);
    });

    it('adds months the way people count them, clamping to the end of shorter months', () => {
      expect(addMonths('2026-01-15', 4)).toBe('2026-05-15');
      expect(addMonths('2026-11-30', 2)).toBe('2027-01-30');
      expect(addMonths('2026-10-31', 4)).toBe('2027-02-28');
      expect(addMonths('2027-10-31', 4)).toBe('2028-02-29');
      expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
      expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
      expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
      expect(addMonths('2026-05-31', 1)).toBe('2026-06-30');
      expect(addMonths('2026-03-31', 0)).toBe('2026-03-31');
      expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    });

    it('refuses to count from something that is not a date, rather than returning garbage', () => {
      expect(() => addDays('2027-02-30', 1)).toThrow(RangeError);
      expect(() => addMonths('soon', 4)).toThrow('soon is not a calendar date (YYYY-MM-DD)');
      expect(() => daysBetween('2027-01-01', '2027-13-01')).toThrow(RangeError);
    });

    it('finds the midpoint of a programme, rounded down, for the mid-term survey', () => {
      expect(midpoint('2027-02-01', '2027-06-01')).toBe('2027-04-02');
      expect(midpoint('2027-02-01', '2027-02-04')).toBe('2027-02-02');
    });

    it('picks the later of two dates', () => {
      expect(laterDate('2027-01-31', '2027-02-01')).toBe('2027-02-01');
      expect(laterDate('2027-03-01', '2027-02-28')).toBe('2027-03-01');
    });

    it('ends a programme without dates of its own four months after it starts', () => {
      expect(PROGRAMME_MONTHS).toBe(4);
      expect(programmeEndsOn('2027-02-01')).toBe('2027-06-01');
      expect(programmeEndsOn('2027-10-31')).toBe('2028-02-29');
    });
  });

  describe('copenhagenDateOf', () => {
    it.each([
      ['2026-01-15T22:59:59Z', '2026-01-15', 'just before local midnight in winter (UTC+1)'],
      ['2026-01-15T23:30:00Z', '2026-01-16', 'late on a UTC evening in winter'],
      ['2026-07-01T21:59:59Z', '2026-07-01', 'just before local midnight in summer (UTC+2)'],
      ['2026-07-01T22:00:00Z', '2026-07-02', 'at local midnight in summer'],
      ['2026-03-28T23:30:00Z', '2026-03-29', 'on the night summer time starts'],
      ['2026-10-24T22:30:00Z', '2026-10-25', 'on the night summer time ends'],
      ['2026-12-31T23:00:00Z', '2027-01-01', 'at the turn of the year'],
    ])('names %s as %s (%s)', (instant, date) => {
      expect(copenhagenDateOf(new Date(instant))).toBe(date);
      expect(isIsoDate(copenhagenDateOf(new Date(instant)))).toBe(true);
    });
  });

  describe('copenhagenInstant', () => {
    it('turns a wall-clock time into the UTC instant in winter and in summer', () => {
      expect(copenhagenInstant('2027-01-12', '17:00').toISOString()).toBe('2027-01-12T16:00:00.000Z');
      expect(copenhagenInstant('2027-06-15', '17:00').toISOString()).toBe('2027-06-15T15:00:00.000Z');
      expect(copenhagenInstant('2027-04-01', '09:00').toISOString()).toBe('2027-04-01T07:00:00.000Z');
      expect(copenhagenInstant('2027-01-15', '09:00').toISOString()).toBe('2027-01-15T08:00:00.000Z');
    });

    it('is local midnight when no time is given', () => {
      expect(copenhagenInstant('2027-06-15').toISOString()).toBe('2027-06-14T22:00:00.000Z');
      expect(copenhagenInstant('2027-01-15').toISOString()).toBe('2027-01-14T23:00:00.000Z');
    });

    it('keeps the wall-clock time on the days the clocks change', () => {
      expect(copenhagenInstant('2027-03-28', '09:00').toISOString()).toBe('2027-03-28T07:00:00.000Z');
      expect(copenhagenInstant('2027-10-31', '09:00').toISOString()).toBe('2027-10-31T08:00:00.000Z');
      expect(copenhagenInstant('2027-03-28').toISOString()).toBe('2027-03-27T23:00:00.000Z');
      expect(copenhagenInstant('2027-10-31').toISOString()).toBe('2027-10-30T22:00:00.000Z');
    });

    it('reads a time the spring change skips as summer time, and a repeated autumn time as its first occurrence', () => {
      expect(copenhagenInstant('2027-03-28', '02:30').toISOString()).toBe('2027-03-28T01:30:00.000Z');
      expect(copenhagenInstant('2027-10-31', '02:30').toISOString()).toBe('2027-10-31T00:30:00.000Z');
    });

    it('refuses a time or date it cannot read', () => {
      expect(() => copenhagenInstant('2027-03-28', '9:00')).toThrow(RangeError);
      expect(() => copenhagenInstant('2027-03-28', '24:00')).toThrow(RangeError);
      expect(() => copenhagenInstant('2027-02-29', '09:00')).toThrow(RangeError);
    });
  });

  describe('endOfCopenhagenDay', () => {
    it('is 23:59:59.999 local time: 22:59:59.999 UTC in winter, 21:59:59.999 UTC in summer', () => {
      expect(endOfCopenhagenDay('2027-01-15').toISOString()).toBe('2027-01-15T22:59:59.999Z');
      expect(endOfCopenhagenDay('2027-08-15').toISOString()).toBe('2027-08-15T21:59:59.999Z');
    });

    it('handles the days the clocks change', () => {
      expect(endOfCopenhagenDay('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.999Z');
      expect(endOfCopenhagenDay('2027-03-28').toISOString()).toBe('2027-03-28T21:59:59.999Z');
      expect(copenhagenDateOf(new Date(endOfCopenhagenDay('2027-03-28').getTime() + 1))).toBe('2027-03-29');
    });
  });

  describe('copenhagenIso', () => {
    it('writes the instant with the Copenhagen offset of its season', () => {
      expect(copenhagenIso(new Date('2027-03-30T15:00:00Z'))).toBe('2027-03-30T17:00:00.000+02:00');
      expect(copenhagenIso(new Date('2027-01-30T15:00:00Z'))).toBe('2027-01-30T16:00:00.000+01:00');
    });
  });
});
