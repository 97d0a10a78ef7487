import { Injectable } from '@nestjs/common';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';
import { FeedEntry, FeedRenderer } from '../../application/feeds/feed-renderer';
import { PROGRAMME_ZONE } from '@cmp/kernel';

/**
 * Renders a person's sessions as an RFC 5545 calendar with ical-generator. Times are written in
 * Europe/Copenhagen with its VTIMEZONE, so calendar apps show the agreed wall-clock time whatever
 * the subscriber's zone. The calendar's own timezone name is left unset on purpose: ical-generator
 * would then write DTSTAMP in local time, and RFC 5545 requires it in UTC.
 */
@Injectable()
export class IcalFeedRenderer extends FeedRenderer {
  render(name: string, entries: readonly FeedEntry[]): string {
    const calendar = ical({ name, prodId: { company: 'cmp', product: 'scheduling', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
    calendar.timezone({ name: null, generator: getVtimezoneComponent });
    calendar.x([{ key: 'X-WR-TIMEZONE', value: PROGRAMME_ZONE }]);
    for (const entry of entries) {
      calendar.createEvent({
        id: entry.uid,
        sequence: entry.sequence,
        start: DateTime.fromJSDate(entry.startsAt).setZone(PROGRAMME_ZONE),
        end: DateTime.fromJSDate(entry.endsAt).setZone(PROGRAMME_ZONE),
        timezone: PROGRAMME_ZONE,
        stamp: DateTime.fromJSDate(entry.changedAt).toUTC(),
        lastModified: DateTime.fromJSDate(entry.changedAt).toUTC(),
        summary: entry.summary,
        description: entry.description ?? null,
        location: entry.location ?? null,
        url: entry.url ?? null,
        status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
    return calendar.toString();
  }
}
