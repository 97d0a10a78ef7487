import { TransitionRefusedError } from './enrolment-error';
import { MENTEE_STATUSES, MenteeStatus, OPEN_MENTEE_STATUSES, PLACE_HOLDING_STATUSES, moveMentee, placeOrWaitlist } from './mentee-lifecycle';

/**
 * The lifecycle as the programme describes it, written out here rather than read from the code
 * under test: applied → accepted | rejected | withdrawn; accepted → placed | waitlisted | withdrawn;
 * waitlisted → placed | withdrawn; placed → active | withdrawn; active → completed | withdrawn;
 * rejected, completed and withdrawn are final.
 */
const ALLOWED_MOVES: readonly (readonly [MenteeStatus, MenteeStatus])[] = [
  ['applied', 'accepted'],
  ['applied', 'rejected'],
  ['applied', 'withdrawn'],
  ['accepted', 'placed'],
  ['accepted', 'waitlisted'],
  ['accepted', 'withdrawn'],
  ['waitlisted', 'placed'],
  ['waitlisted', 'withdrawn'],
  ['placed', 'active'],
  ['placed', 'withdrawn'],
  ['active', 'completed'],
  ['active', 'withdrawn'],
];

const isAllowed = (from: MenteeStatus, to: MenteeStatus) => ALLOWED_MOVES.some(([f, t]) => f === from && t === to);
const EVERY_MOVE = MENTEE_STATUSES.flatMap((from) => MENTEE_STATUSES.map((to): [MenteeStatus, MenteeStatus] => [from, to]));
const REFUSED_MOVES = EVERY_MOVE.filter(([from, to]) => !isAllowed(from, to));

describe('mentee lifecycle', () => {
  it('knows exactly the eight statuses of a mentee', () => {
    expect([...MENTEE_STATUSES].sort()).toEqual(['accepted', 'active', 'applied', 'completed', 'placed', 'rejected', 'waitlisted', 'withdrawn']);
  });

  describe('moveMentee', () => {
    it('covers all 64 combinations of statuses: 12 allowed, 52 refused', () => {
      expect(EVERY_MOVE).toHaveLength(64);
      expect(REFUSED_MOVES).toHaveLength(52);
    });

    it.each(ALLOWED_MOVES)('moves a mentee who is %s to %s', (from, to) => {
      expect(moveMentee(from, to)).toBe(to);
    });

    it.each(REFUSED_MOVES)('refuses to move a mentee who is %s to %s', (from, to) => {
      let thrown: unknown;
      try {
        moveMentee(from, to);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TransitionRefusedError);
      expect((thrown as Error).message).toBe(`a mentee who is ${from} cannot become ${to}`);
    });

    it.each(['rejected', 'completed', 'withdrawn'] as const)('lets a %s mentee go nowhere', (from) => {
      for (const to of MENTEE_STATUSES) {
        expect(() => moveMentee(from, to)).toThrow(TransitionRefusedError);
      }
    });

    it('lets a mentee withdraw from every open status', () => {
      for (const from of OPEN_MENTEE_STATUSES) {
        expect(moveMentee(from, 'withdrawn')).toBe('withdrawn');
      }
    });

    it('does not place an applicant who has not been accepted', () => {
      expect(() => moveMentee('applied', 'placed')).toThrow(TransitionRefusedError);
    });

    it('does not reject a mentee once accepted', () => {
      expect(() => moveMentee('accepted', 'rejected')).toThrow(TransitionRefusedError);
    });

    it('does not complete a placed mentee whose match was never confirmed', () => {
      expect(() => moveMentee('placed', 'completed')).toThrow(TransitionRefusedError);
    });

    it('does not send a placed mentee back to the waiting list', () => {
      expect(() => moveMentee('placed', 'waitlisted')).toThrow(TransitionRefusedError);
    });
  });

  describe('placeOrWaitlist', () => {
    it('places the first accepted mentee in an empty cohort', () => {
      expect(placeOrWaitlist(0, 10)).toBe('placed');
    });

    it('places a mentee into the last free place', () => {
      expect(placeOrWaitlist(9, 10)).toBe('placed');
    });

    it('waitlists a mentee when the cohort is full', () => {
      expect(placeOrWaitlist(10, 10)).toBe('waitlisted');
    });

    it('waitlists a mentee when the cohort is already over capacity', () => {
      expect(placeOrWaitlist(12, 10)).toBe('waitlisted');
    });

    it('places the single mentee of a one-place cohort and waitlists the next', () => {
      expect(placeOrWaitlist(0, 1)).toBe('placed');
      expect(placeOrWaitlist(1, 1)).toBe('waitlisted');
    });
  });

  describe('OPEN_MENTEE_STATUSES', () => {
    it('counts applied, accepted, waitlisted, placed and active applications as open', () => {
      expect([...OPEN_MENTEE_STATUSES].sort()).toEqual(['accepted', 'active', 'applied', 'placed', 'waitlisted']);
    });

    it('treats the final statuses as closed, so the same email may apply again', () => {
      for (const closed of ['rejected', 'completed', 'withdrawn'] as const) {
        expect(OPEN_MENTEE_STATUSES).not.toContain(closed);
      }
    });

    it('is exactly the set of statuses from which a mentee can still move', () => {
      const movable = MENTEE_STATUSES.filter((from) => MENTEE_STATUSES.some((to) => isAllowed(from, to)));
      expect([...OPEN_MENTEE_STATUSES].sort()).toEqual([...movable].sort());
    });
  });

  describe('PLACE_HOLDING_STATUSES', () => {
    it('counts placed, active and completed mentees against the cohort capacity', () => {
      expect([...PLACE_HOLDING_STATUSES].sort()).toEqual(['active', 'completed', 'placed']);
    });

    it('does not count a waitlisted or withdrawn mentee against the capacity', () => {
      expect(PLACE_HOLDING_STATUSES).not.toContain('waitlisted');
      expect(PLACE_HOLDING_STATUSES).not.toContain('withdrawn');
    });
  });
});
