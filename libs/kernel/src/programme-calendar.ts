import { DateTime } from 'luxon';

/**
 * The programme's calendar: every person in it lives by Danish time, so dates are Copenhagen
 * calendar dates and shown times are Copenhagen wall-clock times, daylight saving included.
 *
 * Dates are `YYYY-MM-DD` strings (as the contracts carry them), which order correctly when
 * compared as strings. Date arithmetic is calendar arithmetic and ignores the time zone on
 * purpose: a day is a day even when it has 23 or 25 hours.
 */

/** The zone of the programme, for code that formats or reads wall-clock times itself. */
export const PROGRAMME_ZONE = 'Europe/Copenhagen';

/** The programme runs four months; a cohort or plan without its own end date ends this long after it starts. */
export const PROGRAMME_MONTHS = 4;

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A wall-clock time of day, `HH:MM` (24-hour). */
export type LocalTime = string;

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether a value is a real calendar date in `YYYY-MM-DD` form (2027-02-29 is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

/** Calendar arithmetic in UTC, where every day has 24 hours; refuses anything but a real date. */
function calendarDay(date: IsoDate): DateTime {
  if (!isIsoDate(date)) throw new RangeError(`${String(date)} is not a calendar date (YYYY-MM-DD)`);
  return DateTime.fromISO(date, { zone: 'utc' });
}

function isoDateOf(dateTime: DateTime): IsoDate {
  return dateTime.toISODate() as IsoDate;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoDateOf(calendarDay(date).plus({ days }));
}

/** Adds calendar months the way people count them, clamping to the month's last day: 31 October + 4 months is 28/29 February. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return isoDateOf(calendarDay(date).plus({ months }));
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(calendarDay(to).diff(calendarDay(from), 'days').days);
}

/** The later of two dates. */
export function laterDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** The day halfway through a period, rounded down (the date of the mid-term survey). */
export function midpoint(startsOn: IsoDate, endsOn: IsoDate): IsoDate {
  return addDays(startsOn, Math.floor(daysBetween(startsOn, endsOn) / 2));
}

/** The last day of a programme that starts on `startsOn` and has no end date of its own. */
export function programmeEndsOn(startsOn: IsoDate): IsoDate {
  return addMonths(startsOn, PROGRAMME_MONTHS);
}

/** The calendar date an instant falls on in Copenhagen: "today" for every rule of the programme. */
export function copenhagenDateOf(instant: Date): IsoDate {
  return isoDateOf(DateTime.fromJSDate(instant, { zone: PROGRAMME_ZONE }));
}

/**
 * The instant a Copenhagen wall-clock time happens on a date (midnight when no time is given).
 * A time the spring change skips (02:30 on the last Sunday of March) is read as the same
 * length of time after 02:00, i.e. 03:30 summer time; a time the autumn change repeats is the
 * first of the two (summer time).
 */
export function copenhagenInstant(date: IsoDate, localTime: LocalTime = '00:00'): Date {
  if (!LOCAL_TIME.test(localTime)) throw new RangeError(`${String(localTime)} is not a time of day (HH:MM)`);
  const [hour, minute] = localTime.split(':').map(Number);
  // Setting the time on the local midnight (rather than parsing "date T time") is what makes a
  // repeated autumn time resolve to its first occurrence, as scheduling has always read it.
  return DateTime.fromISO(isoDateOf(calendarDay(date)), { zone: PROGRAMME_ZONE }).set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

/** The last instant of a calendar date in Copenhagen (23:59:59.999 local time): a deadline "on" that date. */
export function endOfCopenhagenDay(date: IsoDate): Date {
  return DateTime.fromISO(isoDateOf(calendarDay(date)), { zone: PROGRAMME_ZONE }).endOf('day').toJSDate();
}

/** ISO 8601 with the Copenhagen offset, e.g. `2027-03-30T17:00:00.000+02:00`, for people to read. */
export function copenhagenIso(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: PROGRAMME_ZONE }).toISO() as string;
}
