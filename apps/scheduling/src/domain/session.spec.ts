import { cancel, complete, confirm, markNoShow, propose, reschedule, SessionState } from './session';
import { InvalidScheduleError, TransitionRefusedError } from './scheduling-error';

const now = new Date('2027-03-01T08:00:00Z');
const slot = (iso: string, minutes = 60) => ({ startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + minutes * 60_000) });
const first = slot('2027-03-02T16:00:00Z');
const second = slot('2027-03-04T16:00:00Z');
const afterStart = new Date('2027-03-02T16:30:00Z');

const proposed = () => propose('mentor', [second, first], now);
const confirmed = () => confirm(proposed(), first.startsAt, 'mentee', now);

describe('session life-cycle', () => {
  it('is proposed with its slots in time order', () => {
    const session = proposed();
    expect(session).toMatchObject({ status: 'proposed', proposedBy: 'mentor', startsAt: null, sequence: 0 });
    expect(session.slots.map((candidate) => candidate.startsAt)).toEqual([first.startsAt, second.startsAt]);
  });

  it('refuses a proposal without slots, with too many, in the past, too short or too long', () => {
    expect(() => propose('mentee', [], now)).toThrow(InvalidScheduleError);
    expect(() => propose('mentee', Array.from({ length: 6 }, (_, day) => slot(`2027-03-1${day}T10:00:00Z`)), now)).toThrow('at most 5');
    expect(() => propose('mentee', [slot('2027-02-28T10:00:00Z')], now)).toThrow('in the future');
    expect(() => propose('mentee', [slot('2027-03-02T10:00:00Z', 10)], now)).toThrow('at least 15 minutes');
    expect(() => propose('mentee', [slot('2027-03-02T10:00:00Z', 300)], now)).toThrow('at most 4 hours');
    expect(() => propose('mentee', [{ startsAt: first.endsAt, endsAt: first.startsAt }], now)).toThrow('end after it starts');
  });

  it('is confirmed by the other person on one of the proposed slots, with SEQUENCE 0', () => {
    expect(confirmed()).toMatchObject({ status: 'confirmed', startsAt: first.startsAt, endsAt: first.endsAt, sequence: 0 });
    expect(confirm(proposed(), second.startsAt, 'coordinator', now)).toMatchObject({ startsAt: second.startsAt });
  });

  it('refuses a confirmation by the proposer, of a slot not proposed, or of a slot that has passed', () => {
    expect(() => confirm(proposed(), first.startsAt, 'mentor', now)).toThrow(TransitionRefusedError);
    expect(() => confirm(proposed(), new Date('2027-03-03T16:00:00Z'), 'mentee', now)).toThrow('one of the proposed slots');
    expect(() => confirm(proposed(), first.startsAt, 'mentee', afterStart)).toThrow('in the future');
    expect(() => confirm(confirmed(), first.startsAt, 'mentee', now)).toThrow('only a proposed session');
  });

  it('is rescheduled to a new time with a higher SEQUENCE', () => {
    const moved = reschedule(confirmed(), second, now);
    expect(moved).toMatchObject({ status: 'confirmed', startsAt: second.startsAt, sequence: 1 });
    expect(reschedule(moved, first, now).sequence).toBe(2);
  });

  it('refuses to reschedule a session that is not confirmed, has started, or to the same time', () => {
    expect(() => reschedule(proposed(), second, now)).toThrow(TransitionRefusedError);
    expect(() => reschedule(confirmed(), second, afterStart)).toThrow('already started');
    expect(() => reschedule(confirmed(), first, now)).toThrow('already at that time');
  });

  it('is cancelled before it starts; a confirmed one bumps SEQUENCE for the calendar', () => {
    expect(cancel(proposed(), now)).toMatchObject({ status: 'cancelled', sequence: 0 });
    expect(cancel(confirmed(), now)).toMatchObject({ status: 'cancelled', sequence: 1 });
    expect(() => cancel(confirmed(), afterStart)).toThrow('already started');
    expect(() => cancel(cancel(proposed(), now), now)).toThrow('a cancelled session cannot be cancelled');
  });

  it('is completed or recorded as a no-show only once it has started', () => {
    expect(complete(confirmed(), afterStart).status).toBe('completed');
    expect(markNoShow(confirmed(), 'mentee', afterStart).status).toBe('no-show');
    expect(() => complete(confirmed(), now)).toThrow('only once it has started');
    expect(() => markNoShow(confirmed(), 'both', now)).toThrow('only once it has started');
    expect(() => complete(proposed(), afterStart)).toThrow('only a confirmed session');
    const held: SessionState = complete(confirmed(), afterStart);
    expect(() => complete(held, afterStart)).toThrow(TransitionRefusedError);
    expect(() => markNoShow(held, 'mentor', afterStart)).toThrow(TransitionRefusedError);
    expect(() => cancel(held, afterStart)).toThrow(TransitionRefusedError);
  });
});
