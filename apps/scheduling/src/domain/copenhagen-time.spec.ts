import { addDays, addMonths, copenhagenDateOf, copenhagenIso, daysBetween, instantAt } from './copenhagen-time';

describe('Copenhagen time', () => {
  it('turns wall-clock times into UTC instants in winter and summer', () => {
    expect(instantAt('2027-01-12', '17:00').toISOString()).toBe('2027-01-12T16:00:00.000Z');
    expect(instantAt('2027-06-15', '17:00').toISOString()).toBe('2027-06-15T15:00:00.000Z');
    expect(instantAt('2027-06-15').toISOString()).toBe('2027-06-14T22:00:00.000Z');
  });

  it('names the Copenhagen date and offset of an instant, also just after midnight', () => {
    expect(copenhagenDateOf(new Date('2027-06-14T22:30:00Z'))).toBe('2027-06-15');
    expect(copenhagenIso(new Date('2027-03-30T15:00:00Z'))).toBe('2027-03-30T17:00:00.000+02:00');
  });

  it('counts calendar days and months regardless of daylight saving', () => {
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(daysBetween('2027-03-27', '2027-04-03')).toBe(7);
    expect(daysBetween('2027-04-03', '2027-03-27')).toBe(-7);
    expect(addMonths('2027-10-31', 4)).toBe('2028-02-29');
  });
});
