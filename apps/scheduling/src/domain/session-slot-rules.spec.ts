import { refuseUnschedulable } from './session-slot-rules';
import { InvalidScheduleError, OverlappingSessionError } from './scheduling-error';
import { overlaps } from './time-slot';

// Tuesday 2 March 2027, 17:00–18:00 in Copenhagen (CET, UTC+1).
const slot = { startsAt: new Date('2027-03-02T16:00:00Z'), endsAt: new Date('2027-03-02T17:00:00Z') };
const tuesdayEvenings = [{ day: 'tue' as const, start: '16:30', end: '20:00' }];

describe('slot rules', () => {
  it('accepts a slot inside both people’s availability with no other booking', () => {
    expect(() =>
      refuseUnschedulable(slot, [
        { role: 'mentor', availability: tuesdayEvenings, booked: [] },
        { role: 'mentee', availability: null, booked: [] },
      ]),
    ).not.toThrow();
  });

  it('refuses a slot outside one person’s availability, naming whose', () => {
    const mornings = [{ day: 'tue' as const, start: '08:00', end: '12:00' }];
    expect(() =>
      refuseUnschedulable(slot, [
        { role: 'mentor', availability: tuesdayEvenings, booked: [] },
        { role: 'mentee', availability: mornings, booked: [] },
      ]),
    ).toThrow(new InvalidScheduleError(`2027-03-02T16:00:00.000Z is outside the mentee's availability`));
  });

  it('refuses a slot that overlaps another confirmed session of either person', () => {
    const other = { id: 'other', startsAt: new Date('2027-03-02T16:30:00Z'), endsAt: new Date('2027-03-02T17:30:00Z') };
    const attempt = () =>
      refuseUnschedulable(slot, [
        { role: 'mentee', availability: null, booked: [] },
        { role: 'mentor', availability: null, booked: [other] },
      ]);
    expect(attempt).toThrow(OverlappingSessionError);
    expect(attempt).toThrow(/the mentor already has session other/);
  });

  it('lets back-to-back sessions share a boundary', () => {
    expect(overlaps(slot, { startsAt: slot.endsAt, endsAt: new Date(slot.endsAt.getTime() + 3_600_000) })).toBe(false);
    expect(overlaps(slot, slot)).toBe(true);
  });
});
