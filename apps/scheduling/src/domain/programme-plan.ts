import { DateTime } from 'luxon';
import { SessionTheme, WEEKDAYS } from '@cmp/contracts';
import { WeeklyWindow } from './availability';
import { addDays, copenhagenInstant, laterDate, programmeEndsOn } from '@cmp/kernel';
import { playbookThemes } from './playbook-themes';
import { ProgrammeRhythm } from './programme-rhythm';

export interface PlannedSessionSuggestion {
  /** 1 for the kick-off. */
  readonly number: number;
  readonly theme: SessionTheme;
  /** Copenhagen date. */
  readonly suggestedOn: string;
  /** When the pair share a weekly window: its start on that date, as a UTC instant. */
  readonly suggestedStartsAt?: Date;
  readonly suggestedEndsAt?: Date;
}

export interface ProgrammeDates {
  /** First and last day of the programme, Copenhagen dates. */
  readonly startsOn: string;
  readonly endsOn: string;
  /** Whether the dates came from the cohort, or from the confirmation while the cohort was unknown. */
  readonly anchoredOn: 'cohort' | 'confirmation';
}

export interface ProgrammePlan extends ProgrammeDates {
  readonly sessions: readonly PlannedSessionSuggestion[];
}

/**
 * A mentorship starts when its cohort starts, or on the day it was confirmed if that is later,
 * and ends with the cohort. Without the cohort's dates it runs four months from confirmation.
 */
export function programmeDates(confirmedOn: string, cohort: { startsOn: string; endsOn: string } | null): ProgrammeDates {
  if (!cohort) return { startsOn: confirmedOn, endsOn: programmeEndsOn(confirmedOn), anchoredOn: 'confirmation' };
  const startsOn = laterDate(cohort.startsOn, confirmedOn);
  // A pair confirmed after its cohort ended still gets a whole programme.
  const endsOn = startsOn < cohort.endsOn ? cohort.endsOn : programmeEndsOn(startsOn);
  return { startsOn, endsOn, anchoredOn: 'cohort' };
}

/** The first date on or after `date` that falls on `day`. */
function onOrAfter(date: string, day: WeeklyWindow['day']): string {
  const weekday = DateTime.fromISO(date, { zone: 'utc' }).weekday;
  const wanted = WEEKDAYS.indexOf(day) + 1;
  return addDays(date, (wanted - weekday + 7) % 7);
}

/**
 * The default rhythm laid over the programme: a kick-off within `kickOffWithinDays`, then a
 * session every `intervalDays` until the end. When the pair share a weekly window, every
 * session falls on that weekday at that Copenhagen wall-clock time, so a plan that crosses a
 * daylight-saving change keeps its local time (and its UTC time moves by an hour).
 */
export function generatePlan(dates: ProgrammeDates, rhythm: ProgrammeRhythm, window: WeeklyWindow | null): ProgrammePlan {
  const lastDay = dates.endsOn;
  const days: string[] = [];
  const kickOffLatest = addDays(dates.startsOn, rhythm.kickOffWithinDays);
  let kickOff = addDays(dates.startsOn, Math.min(7, rhythm.kickOffWithinDays));
  if (window) {
    const candidate = onOrAfter(addDays(dates.startsOn, 1), window.day);
    if (candidate <= kickOffLatest) kickOff = candidate;
  }
  if (kickOff <= lastDay) days.push(kickOff);
  for (let next = addDays(kickOff, rhythm.intervalDays); ; next = addDays(next, rhythm.intervalDays)) {
    const on = window ? onOrAfter(next, window.day) : next;
    if (on > lastDay) break;
    if (on > days[days.length - 1]) days.push(on);
  }
  const themes = playbookThemes(days.length);
  const sessions = days.map((suggestedOn, index) => {
    const base = { number: index + 1, theme: themes[index], suggestedOn };
    if (!window || onOrAfter(suggestedOn, window.day) !== suggestedOn) return base;
    const suggestedStartsAt = copenhagenInstant(suggestedOn, window.start);
    return { ...base, suggestedStartsAt, suggestedEndsAt: new Date(suggestedStartsAt.getTime() + rhythm.sessionMinutes * 60_000) };
  });
  return { ...dates, sessions };
}
