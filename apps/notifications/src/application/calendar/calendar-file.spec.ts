import ICAL from 'ical.js';
import { calendarFile } from './calendar-file';

const details = {
  summary: 'Session with Jens',
  description: 'Kick-off',
  organizer: { name: 'CMP', email: 'no-reply@cmp.example' },
  attendee: { name: 'Ana Sousa', email: 'ana@example.org' },
  stamp: new Date('2027-01-01T00:00:00Z'),
};

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return { calendar, event: new ICAL.Event(calendar.getFirstSubcomponent("vevent") ?? undefined) };
}

describe('calendar file', () => {
  it('is an invitation an independent parser reads back at the right instant', () => {
    const ics = calendarFile(
      { uid: 's1@cmp', sequence: 2, method: 'REQUEST', startsAt: '2027-02-09T16:00:00.000Z', endsAt: '2027-02-09T17:00:00.000Z', url: 'https://meet.example.org/x' },
      details,
    );
    const { calendar, event } = parse(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe('s1@cmp');
    expect(event.sequence).toBe(2);
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-02-09T16:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-02-09T17:00:00.000Z');
    expect(ics).toContain('DTSTART;TZID=Europe/Copenhagen:20270209T170000');
    expect(event.attendees[0].getFirstValue()).toMatch(/ana@example.org/i);
  });

  it('cancels the same entry with a cancellation', () => {
    const ics = calendarFile({ uid: 's1@cmp', sequence: 3, method: 'CANCEL', startsAt: '2027-07-01T08:00:00.000Z', endsAt: '2027-07-01T09:00:00.000Z' }, details);
    const { calendar, event } = parse(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-07-01T08:00:00.000Z');
  });
});
