/** Dates of the programme are calendar dates (YYYY-MM-DD), compared as strings. */
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return date.toISOString().slice(0, 10) === value;
}

/** Adds calendar months, clamping to the month's last day (31 Oct + 4 months = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Today's date in Copenhagen, where the programme runs. */
export function copenhagenDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The last instant of a calendar date in Copenhagen (23:59:59.999 local time, DST included). */
export function endOfCopenhagenDay(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  // Copenhagen is UTC+1 or UTC+2: midnight after the date is 22:00 or 23:00 UTC on the date.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(Date.UTC(year, month - 1, day + 1, -offsetHours) - 1);
    if (copenhagenDate(candidate) === isoDate && copenhagenDate(new Date(candidate.getTime() + 1)) !== isoDate) return candidate;
  }
  throw new Error(`cannot find the end of ${isoDate} in Copenhagen`);
}
