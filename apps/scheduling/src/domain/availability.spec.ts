import { sharedWindow, slotFitsAvailability } from './availability';

const at = (iso: string, minutes = 60) => ({ startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + minutes * 60_000) });

describe('availability', () => {
  const tuesdays = [{ day: 'tue' as const, start: '17:00', end: '19:00' }];

  it('reads windows on the Copenhagen wall clock in winter and in summer', () => {
    expect(slotFitsAvailability(at('2027-01-12T16:00:00Z'), tuesdays)).toBe(true); // 17:00 CET
    expect(slotFitsAvailability(at('2027-06-15T15:00:00Z'), tuesdays)).toBe(true); // 17:00 CEST
    expect(slotFitsAvailability(at('2027-06-15T16:00:00Z', 90), tuesdays)).toBe(false); // 18:00–19:30 CEST
  });

  it('refuses the wrong weekday and slots running past the window', () => {
    expect(slotFitsAvailability(at('2027-01-13T16:00:00Z'), tuesdays)).toBe(false);
    expect(slotFitsAvailability(at('2027-01-12T17:30:00Z'), tuesdays)).toBe(false);
  });

  it('does not refuse anyone on account of unknown availability', () => {
    expect(slotFitsAvailability(at('2027-01-13T03:00:00Z'), null)).toBe(true);
    expect(slotFitsAvailability(at('2027-01-13T03:00:00Z'), [])).toBe(true);
  });

  it('finds the earliest shared window that holds a session', () => {
    const mentor = [{ day: 'thu' as const, start: '08:00', end: '10:00' }, { day: 'tue' as const, start: '18:00', end: '21:00' }];
    const mentee = [{ day: 'tue' as const, start: '16:00', end: '18:30' }, { day: 'thu' as const, start: '09:00', end: '12:00' }];
    expect(sharedWindow(mentor, mentee, 60)).toEqual({ day: 'thu', start: '09:00', end: '10:00' });
    expect(sharedWindow(mentor, mentee, 90)).toBeNull();
    expect(sharedWindow(null, mentee, 60)).toBeNull();
  });
});
