import ICAL from 'ical.js';
import { IcalFeedRenderer } from './ical-feed-renderer';

/** Parses with ical.js, an implementation independent of the generator, as a calendar app would. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((component) => ({ component, event: new ICAL.Event(component) })) };
}

describe('iCalendar feed', () => {
  const renderer = new IcalFeedRenderer();
  const changedAt = new Date('2027-03-01T10:00:00Z');

  it('writes Copenhagen wall-clock times with a VTIMEZONE, stable UIDs and SEQUENCE, across daylight saving', () => {
    const ics = renderer.render('CMP', [
      { uid: 'a@cmp', sequence: 0, startsAt: new Date('2027-03-23T16:00:00Z'), endsAt: new Date('2027-03-23T17:00:00Z'), summary: 'Mentoring: CV', cancelled: false, changedAt },
      { uid: 'b@cmp', sequence: 2, startsAt: new Date('2027-04-06T15:00:00Z'), endsAt: new Date('2027-04-06T16:00:00Z'), summary: 'Mentoring: Networking', location: 'Café Norden', cancelled: false, changedAt },
    ]);
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('DTSTART;TZID=Europe/Copenhagen:20270323T170000');
    expect(ics).toContain('DTSTART;TZID=Europe/Copenhagen:20270406T170000');
    expect(ics).toMatch(/DTSTAMP:20270301T100000Z/);
    const { calendar, events } = parse(ics);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(events.map(({ event }) => [event.uid, event.sequence, event.startDate.toJSDate().toISOString(), event.endDate.toJSDate().toISOString()])).toEqual([
      ['a@cmp', 0, '2027-03-23T16:00:00.000Z', '2027-03-23T17:00:00.000Z'],
      ['b@cmp', 2, '2027-04-06T15:00:00.000Z', '2027-04-06T16:00:00.000Z'],
    ]);
    expect(events.every(({ event }) => event.startDate.zone?.tzid === 'Europe/Copenhagen')).toBe(true);
    expect(events[1].event.location).toBe('Café Norden');
  });

  it('marks a cancelled session STATUS:CANCELLED', () => {
    const { events } = parse(
      renderer.render('CMP', [
        { uid: 'c@cmp', sequence: 1, startsAt: new Date('2027-03-23T16:00:00Z'), endsAt: new Date('2027-03-23T17:00:00Z'), summary: 'Mentoring', cancelled: true, changedAt },
      ]),
    );
    expect(events[0].component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[0].event.sequence).toBe(1);
  });
});
