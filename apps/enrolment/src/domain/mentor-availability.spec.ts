import { InvalidRequestError, TransitionRefusedError } from './enrolment-error';
import {
  MAX_MENTOR_CAPACITY,
  MENTOR_STATUSES,
  MIN_MENTOR_CAPACITY,
  assertAvailability,
  assertCapacity,
  assertMentorEditable,
  pauseMentor,
  resumeMentor,
  withdrawMentor,
} from './mentor-availability';
import { refusalOf } from './refusal-of.test-helper';

describe('mentor availability', () => {
  it('knows a mentor as active, paused or withdrawn', () => {
    expect(MENTOR_STATUSES).toEqual(['active', 'paused', 'withdrawn']);
  });

  describe('pauseMentor', () => {
    it('pauses an active mentor', () => {
      expect(pauseMentor('active')).toBe('paused');
    });

    it.each(['paused', 'withdrawn'] as const)('refuses to pause a %s mentor', (status) => {
      const refusal = refusalOf(() => pauseMentor(status));
      expect(refusal).toBeInstanceOf(TransitionRefusedError);
      expect(refusal.message).toBe(`a ${status} mentor cannot pause`);
    });
  });

  describe('resumeMentor', () => {
    it('brings a paused mentor back to active', () => {
      expect(resumeMentor('paused')).toBe('active');
    });

    it.each(['active', 'withdrawn'] as const)('refuses to resume a %s mentor', (status) => {
      const refusal = refusalOf(() => resumeMentor(status));
      expect(refusal).toBeInstanceOf(TransitionRefusedError);
      expect(refusal.message).toBe(`a ${status} mentor cannot resume`);
    });
  });

  describe('withdrawMentor', () => {
    it.each(['active', 'paused'] as const)('lets a %s mentor withdraw', (status) => {
      expect(withdrawMentor(status)).toBe('withdrawn');
    });

    it('refuses to withdraw a mentor twice', () => {
      const refusal = refusalOf(() => withdrawMentor('withdrawn'));
      expect(refusal).toBeInstanceOf(TransitionRefusedError);
      expect(refusal.message).toBe('the mentor has already withdrawn');
    });
  });

  describe('assertMentorEditable', () => {
    it.each(['active', 'paused'] as const)('lets a %s mentor change their details', (status) => {
      expect(() => assertMentorEditable(status)).not.toThrow();
    });

    it('refuses changes to a withdrawn mentor', () => {
      expect(() => assertMentorEditable('withdrawn')).toThrow(TransitionRefusedError);
    });
  });

  describe('assertCapacity', () => {
    it('lets a mentor take one to three mentees at a time', () => {
      expect([MIN_MENTOR_CAPACITY, MAX_MENTOR_CAPACITY]).toEqual([1, 3]);
    });

    it.each([1, 2, 3])('accepts a capacity of %i', (capacity) => {
      expect(() => assertCapacity(capacity)).not.toThrow();
    });

    it.each([0, 4, 1.5, -1, Number.NaN])('refuses a capacity of %p', (capacity) => {
      const refusal = refusalOf(() => assertCapacity(capacity));
      expect(refusal).toBeInstanceOf(InvalidRequestError);
      expect(refusal.message).toBe('a mentor takes 1–3 mentees at a time');
    });
  });

  describe('assertAvailability', () => {
    it('accepts no windows at all', () => {
      expect(() => assertAvailability([])).not.toThrow();
    });

    it('accepts a single window that ends after it starts', () => {
      expect(() => assertAvailability([{ day: 'monday', start: '10:00', end: '12:00' }])).not.toThrow();
    });

    it('refuses a window that ends before it starts', () => {
      const refusal = refusalOf(() => assertAvailability([{ day: 'monday', start: '12:00', end: '10:00' }]));
      expect(refusal).toBeInstanceOf(InvalidRequestError);
      expect(refusal.message).toBe('availability on monday must end after it starts');
    });

    it('refuses an empty window that ends when it starts', () => {
      expect(() => assertAvailability([{ day: 'monday', start: '10:00', end: '10:00' }])).toThrow(InvalidRequestError);
    });

    it('refuses overlapping windows on the same day', () => {
      const refusal = refusalOf(() =>
        assertAvailability([
          { day: 'tuesday', start: '10:00', end: '12:00' },
          { day: 'tuesday', start: '11:00', end: '13:00' },
        ]),
      );
      expect(refusal).toBeInstanceOf(InvalidRequestError);
      expect(refusal.message).toBe('availability windows on tuesday overlap');
    });

    it('refuses a window that lies inside another on the same day', () => {
      expect(() =>
        assertAvailability([
          { day: 'tuesday', start: '09:00', end: '17:00' },
          { day: 'tuesday', start: '12:00', end: '13:00' },
        ]),
      ).toThrow(InvalidRequestError);
    });

    it('refuses the same window twice on the same day', () => {
      expect(() =>
        assertAvailability([
          { day: 'tuesday', start: '10:00', end: '12:00' },
          { day: 'tuesday', start: '10:00', end: '12:00' },
        ]),
      ).toThrow(InvalidRequestError);
    });

    it('finds an overlap whatever order the windows are given in', () => {
      expect(() =>
        assertAvailability([
          { day: 'tuesday', start: '14:00', end: '16:00' },
          { day: 'tuesday', start: '08:00', end: '09:00' },
          { day: 'tuesday', start: '15:00', end: '17:00' },
        ]),
      ).toThrow(InvalidRequestError);
    });

    it('allows windows that touch: 10:00–12:00 and 12:00–14:00', () => {
      expect(() =>
        assertAvailability([
          { day: 'wednesday', start: '10:00', end: '12:00' },
          { day: 'wednesday', start: '12:00', end: '14:00' },
        ]),
      ).not.toThrow();
    });

    it('allows the same times on different days', () => {
      expect(() =>
        assertAvailability([
          { day: 'monday', start: '10:00', end: '12:00' },
          { day: 'thursday', start: '10:00', end: '12:00' },
        ]),
      ).not.toThrow();
    });

    it('allows several separate windows spread over the week', () => {
      expect(() =>
        assertAvailability([
          { day: 'monday', start: '08:00', end: '09:00' },
          { day: 'monday', start: '16:00', end: '18:00' },
          { day: 'friday', start: '08:30', end: '10:00' },
        ]),
      ).not.toThrow();
    });
  });
});
