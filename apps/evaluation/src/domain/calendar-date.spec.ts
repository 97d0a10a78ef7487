import { addMonths, copenhagenDateOf, copenhagenInstant, daysBetween, isCalendarDate, midpoint } from './calendar-date';

describe('calendar dates', () => {
  it('adds months the way people count them', () => {
    expect(addMonths('2027-06-01', 6)).toBe('2027-12-01');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
  });

  it('finds the midpoint of a programme for the mid-term survey', () => {
    expect(midpoint('2027-02-01', '2027-06-01')).toBe('2027-04-02');
    expect(daysBetween('2027-02-01', '2027-06-01')).toBe(120);
  });

  it('sends at 09:00 Copenhagen time, summer or winter', () => {
    expect(copenhagenInstant('2027-04-01', 9).toISOString()).toBe('2027-04-01T07:00:00.000Z');
    expect(copenhagenInstant('2027-01-15', 9).toISOString()).toBe('2027-01-15T08:00:00.000Z');
    expect(copenhagenDateOf(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01');
  });

  it('knows a real date from a look-alike', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-2-1')).toBe(false);
  });
});
