import { DateTime } from 'luxon';
import { WEEKDAYS, Weekday } from '@cmp/contracts';
import { PROGRAMME_ZONE } from '@cmp/kernel';
import { TimeSlot } from './time-slot';

/** A weekly window in Copenhagen local time, as people state it when they enrol. */
export interface WeeklyWindow {
  readonly day: Weekday;
  /** `HH:MM` */
  readonly start: string;
  /** `HH:MM`, after `start`. */
  readonly end: string;
}

/**
 * What scheduling knows of a person's availability. `null` means nothing is known yet (the
 * enrolment event has not arrived, or the person stated no windows): then nobody's time is
 * refused on that person's account, rather than blocking a pair on missing data.
 */
export type Availability = readonly WeeklyWindow[] | null;

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Whether the slot lies wholly inside one of the windows, on Copenhagen's wall clock. */
export function slotFitsAvailability(slot: TimeSlot, availability: Availability): boolean {
  if (availability === null || availability.length === 0) return true;
  const start = DateTime.fromJSDate(slot.startsAt, { zone: PROGRAMME_ZONE });
  const end = DateTime.fromJSDate(slot.endsAt, { zone: PROGRAMME_ZONE });
  // Windows end by 23:59, so a slot that runs past midnight fits none of them.
  if (start.toISODate() !== end.toISODate()) return false;
  const day = WEEKDAYS[start.weekday - 1];
  const from = start.hour * 60 + start.minute;
  const to = end.hour * 60 + end.minute;
  return availability.some((window) => window.day === day && minutesOf(window.start) <= from && to <= minutesOf(window.end));
}

/**
 * The first weekly window both people share that holds a session of `minutes`, earliest in the
 * week first; the plan suggests that time for every session. `null` when they share none, or
 * when either person's availability is unknown.
 */
export function sharedWindow(a: Availability, b: Availability, minutes: number): WeeklyWindow | null {
  if (!a || !b || a.length === 0 || b.length === 0) return null;
  const candidates: { day: Weekday; from: number; to: number }[] = [];
  for (const left of a) {
    for (const right of b) {
      if (left.day !== right.day) continue;
      const from = Math.max(minutesOf(left.start), minutesOf(right.start));
      const to = Math.min(minutesOf(left.end), minutesOf(right.end));
      if (to - from >= minutes) candidates.push({ day: left.day, from, to });
    }
  }
  candidates.sort((x, y) => WEEKDAYS.indexOf(x.day) - WEEKDAYS.indexOf(y.day) || x.from - y.from);
  const first = candidates[0];
  if (!first) return null;
  const hhmm = (total: number) => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  return { day: first.day, start: hhmm(first.from), end: hhmm(first.from + minutes) };
}
