import { DateTime } from 'luxon';

/** Every person in the programme lives by Danish time: shown times and availability use it. */
export const PROGRAMME_ZONE = 'Europe/Copenhagen';

/** The calendar date (YYYY-MM-DD) an instant falls on in Copenhagen. */
export function copenhagenDateOf(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: PROGRAMME_ZONE }).toISODate() as string;
}

/** The instant a Copenhagen wall-clock time happens on a date; DST is resolved by luxon. */
export function instantAt(date: string, localTime = '00:00'): Date {
  const [hour, minute] = localTime.split(':').map(Number);
  return DateTime.fromISO(date, { zone: PROGRAMME_ZONE }).set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

/** ISO 8601 with the Copenhagen offset, e.g. `2027-03-30T17:00:00.000+02:00`, for people to read. */
export function copenhagenIso(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: PROGRAMME_ZONE }).toISO() as string;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() as string;
}

export function addMonths(date: string, months: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ months }).toISODate() as string;
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days);
}

export function laterDate(a: string, b: string): string {
  return a >= b ? a : b;
}
