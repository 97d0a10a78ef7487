import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';
import type { CalendarInvitation } from '../../domain/message';

const ZONE = 'Europe/Copenhagen';

export interface CalendarFileDetails {
  readonly summary: string;
  readonly description: string;
  readonly organizer: { readonly name: string; readonly email: string };
  readonly attendee: { readonly name: string; readonly email: string };
  readonly stamp: Date;
}

/**
 * An iCalendar (RFC 5545) object for a session: uid and sequence come from scheduling, so an
 * update or a cancellation replaces the entry the recipient already has. Times are written in
 * Copenhagen time with its VTIMEZONE, which is how calendar clients show them.
 */
export function calendarFile(invitation: CalendarInvitation, details: CalendarFileDetails): string {
  const cancel = invitation.method === 'CANCEL';
  const calendar = ical({
    prodId: { company: 'CMP', product: 'notifications', language: 'EN' },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.timezone({ name: ZONE, generator: getVtimezoneComponent });
  const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(ZONE);
  const event = calendar.createEvent({
    id: invitation.uid,
    sequence: invitation.sequence,
    stamp: details.stamp,
    start: at(invitation.startsAt),
    end: at(invitation.endsAt),
    timezone: ZONE,
    summary: details.summary,
    description: details.description,
    organizer: { name: details.organizer.name, email: details.organizer.email },
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    ...(invitation.location ? { location: invitation.location } : {}),
    ...(invitation.url ? { url: invitation.url } : {}),
  });
  event.createAttendee({ name: details.attendee.name, email: details.attendee.email, rsvp: false });
  return calendar.toString();
}
