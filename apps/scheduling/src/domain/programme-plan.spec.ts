import { DateTime } from 'luxon';
import { generatePlan, programmeDates } from './programme-plan';
import { DEFAULT_RHYTHM } from './programme-rhythm';
import { playbookThemes } from './playbook-themes';

const local = (instant: Date) => DateTime.fromJSDate(instant, { zone: 'Europe/Copenhagen' });

describe('programme dates', () => {
  it('starts with the cohort when the match is confirmed before the cohort starts', () => {
    expect(programmeDates('2027-01-20', { startsOn: '2027-02-01', endsOn: '2027-06-01' })).toEqual({ startsOn: '2027-02-01', endsOn: '2027-06-01', anchoredOn: 'cohort' });
  });

  it('starts on the confirmation date when the cohort is already running, and still ends with the cohort', () => {
    expect(programmeDates('2027-02-10', { startsOn: '2027-02-01', endsOn: '2027-06-01' })).toEqual({ startsOn: '2027-02-10', endsOn: '2027-06-01', anchoredOn: 'cohort' });
  });

  it('runs four months from the confirmation while the cohort is unknown', () => {
    expect(programmeDates('2027-02-10', null)).toEqual({ startsOn: '2027-02-10', endsOn: '2027-06-10', anchoredOn: 'confirmation' });
  });

  it('gives a pair confirmed after its cohort ended a whole programme', () => {
    expect(programmeDates('2027-07-01', { startsOn: '2027-02-01', endsOn: '2027-06-01' }).endsOn).toBe('2027-11-01');
  });
});

describe('plan generation', () => {
  const dates = { startsOn: '2027-02-01', endsOn: '2027-06-01', anchoredOn: 'cohort' as const };

  it('suggests a kick-off within 14 days and then a session every two weeks until the end', () => {
    const plan = generatePlan(dates, DEFAULT_RHYTHM, null);
    expect(plan.sessions[0]).toEqual({ number: 1, theme: 'kick-off', suggestedOn: '2027-02-08' });
    expect(plan.sessions.map((session) => session.suggestedOn)).toEqual([
      '2027-02-08', '2027-02-22', '2027-03-08', '2027-03-22', '2027-04-05', '2027-04-19', '2027-05-03', '2027-05-17', '2027-05-31',
    ]);
    expect(plan.sessions.every((session) => session.suggestedOn <= dates.endsOn)).toBe(true);
    expect(plan.sessions.map((session) => session.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('follows the Danish job-search playbook: kick-off first, mid-term review in the middle, closing last', () => {
    const themes = generatePlan(dates, DEFAULT_RHYTHM, null).sessions.map((session) => session.theme);
    expect(themes).toEqual([
      'kick-off', 'cv-and-linkedin', 'labour-market-and-strategy', 'applications', 'mid-term-review', 'interview-training', 'networking', 'interview-training', 'closing-and-next-steps',
    ]);
  });

  it('honours a cohort rhythm of a weekly session and a kick-off within three days', () => {
    const plan = generatePlan(dates, { kickOffWithinDays: 3, intervalDays: 7, sessionMinutes: 90 }, null);
    expect(plan.sessions[0].suggestedOn).toBe('2027-02-04');
    expect(plan.sessions[1].suggestedOn).toBe('2027-02-11');
    expect(plan.sessions.length).toBe(17);
  });

  it('puts every session in the shared weekly window at the same Copenhagen time', () => {
    const plan = generatePlan(dates, DEFAULT_RHYTHM, { day: 'tue', start: '17:00', end: '18:00' });
    expect(plan.sessions[0].suggestedOn).toBe('2027-02-02');
    for (const session of plan.sessions) {
      const start = local(session.suggestedStartsAt as Date);
      expect(start.weekday).toBe(2);
      expect(start.toFormat('HH:mm')).toBe('17:00');
      expect(local(session.suggestedEndsAt as Date).toFormat('HH:mm')).toBe('18:00');
    }
  });

  it('keeps the local time across the March daylight-saving change (UTC moves by an hour)', () => {
    const plan = generatePlan(dates, DEFAULT_RHYTHM, { day: 'tue', start: '17:00', end: '19:00' });
    const beforeChange = plan.sessions.find((session) => session.suggestedOn === '2027-03-16');
    const afterChange = plan.sessions.find((session) => session.suggestedOn === '2027-03-30');
    expect(beforeChange?.suggestedStartsAt?.toISOString()).toBe('2027-03-16T16:00:00.000Z');
    expect(afterChange?.suggestedStartsAt?.toISOString()).toBe('2027-03-30T15:00:00.000Z');
  });

  it('keeps the local time across the October daylight-saving change', () => {
    const autumn = generatePlan({ startsOn: '2027-09-01', endsOn: '2028-01-01', anchoredOn: 'cohort' }, DEFAULT_RHYTHM, { day: 'wed', start: '09:30', end: '11:00' });
    // Summer time ends on 31 October 2027.
    const [before, after] = [autumn.sessions.find((s) => s.suggestedOn === '2027-10-20'), autumn.sessions.find((s) => s.suggestedOn === '2027-11-03')];
    expect(before?.suggestedStartsAt?.toISOString()).toBe('2027-10-20T07:30:00.000Z');
    expect(after?.suggestedStartsAt?.toISOString()).toBe('2027-11-03T08:30:00.000Z');
    expect(autumn.sessions.every((session) => local(session.suggestedStartsAt as Date).toFormat('ccc HH:mm') === 'Wed 09:30')).toBe(true);
  });
});

describe('playbook themes', () => {
  it('covers short plans without losing the kick-off and the closing', () => {
    expect(playbookThemes(0)).toEqual([]);
    expect(playbookThemes(1)).toEqual(['kick-off']);
    expect(playbookThemes(2)).toEqual(['kick-off', 'closing-and-next-steps']);
    expect(playbookThemes(3)).toEqual(['kick-off', 'mid-term-review', 'closing-and-next-steps']);
    expect(playbookThemes(8)).toEqual([
      'kick-off', 'cv-and-linkedin', 'labour-market-and-strategy', 'applications', 'mid-term-review', 'interview-training', 'networking', 'closing-and-next-steps',
    ]);
  });
});
