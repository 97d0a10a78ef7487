import { DateTime } from 'luxon';

/** Calendar dates (`YYYY-MM-DD`) of the programme, as scheduling and enrolment send them. */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parse(date: IsoDate): DateTime {
  const parsed = DateTime.fromISO(date, { zone: 'utc' });
  if (!ISO_DATE.test(date) || !parsed.isValid) throw new Error(`${date} is not a calendar date`);
  return parsed;
}

/** Adds calendar months the way people count them: 31 August + 6 months is 28/29 February. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return parse(date).plus({ months }).toISODate() as IsoDate;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return parse(date).plus({ days }).toISODate() as IsoDate;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(parse(to).diff(parse(from), 'days').days);
}

/** The day halfway through a period, rounded down: the date of the mid-term survey. */
export function midpoint(startsOn: IsoDate, endsOn: IsoDate): IsoDate {
  return addDays(startsOn, Math.floor(daysBetween(startsOn, endsOn) / 2));
}

/** The calendar date of an instant in Denmark, where the programme runs. */
export function copenhagenDateOf(instant: Date): IsoDate {
  return DateTime.fromJSDate(instant).setZone('Europe/Copenhagen').toISODate() as IsoDate;
}

/** An instant at a local time of day in Copenhagen on a date (surveys go out at 09:00 local). */
export function copenhagenInstant(date: IsoDate, hour: number): Date {
  return DateTime.fromISO(`${date}T${String(hour).padStart(2, '0')}:00`, { zone: 'Europe/Copenhagen' }).toJSDate();
}

export function isCalendarDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}
