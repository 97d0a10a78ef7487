import { PROGRAMME_MONTHS } from '@cmp/kernel';
import { COHORT_STATUSES, CohortState, CohortStatus, advanceCohort, assertTakesApplications, hasStarted, planCohort } from './cohort';
import { InvalidRequestError, TransitionRefusedError } from './enrolment-error';

/** Checks the kind of refusal as well as its words: `toThrow(new X(…))` compares only the message. */
function expectRefusal(act: () => unknown, kind: new (...args: never[]) => Error, message: string): void {
  let thrown: unknown;
  try {
    act();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(kind);
  expect((thrown as Error).message).toBe(message);
}

function cohort(overrides: Partial<CohortState> = {}): CohortState {
  return { status: 'open', startsOn: '2026-09-01', endsOn: '2027-01-01', applicationDeadline: '2026-08-15', capacity: 20, ...overrides };
}

describe('cohort', () => {
  describe('planCohort', () => {
    it('plans a cohort with the dates and capacity it was given', () => {
      expect(planCohort({ startsOn: '2026-09-01', endsOn: '2026-12-15', applicationDeadline: '2026-08-15', capacity: 12 })).toEqual({
        status: 'planned',
        startsOn: '2026-09-01',
        endsOn: '2026-12-15',
        applicationDeadline: '2026-08-15',
        capacity: 12,
      });
    });

    it('runs a programme of four months', () => {
      expect(PROGRAMME_MONTHS).toBe(4);
    });

    it('ends four months after the start when no end is given', () => {
      expect(planCohort({ startsOn: '2026-09-01', applicationDeadline: '2026-08-15', capacity: 12 }).endsOn).toBe('2027-01-01');
    });

    it('clamps a default end to the last day of February (2026-10-31 → 2027-02-28)', () => {
      expect(planCohort({ startsOn: '2026-10-31', applicationDeadline: '2026-10-01', capacity: 12 }).endsOn).toBe('2027-02-28');
    });

    it('clamps a default end to the leap day in a leap year (2027-10-31 → 2028-02-29)', () => {
      expect(planCohort({ startsOn: '2027-10-31', applicationDeadline: '2027-10-01', capacity: 12 }).endsOn).toBe('2028-02-29');
    });

    it('accepts a deadline on the start day itself', () => {
      expect(planCohort({ startsOn: '2026-09-01', applicationDeadline: '2026-09-01', capacity: 1 }).applicationDeadline).toBe('2026-09-01');
    });

    it('accepts a cohort of a single place', () => {
      expect(planCohort({ startsOn: '2026-09-01', applicationDeadline: '2026-08-15', capacity: 1 }).capacity).toBe(1);
    });

    it('refuses an end before the start', () => {
      expectRefusal(
        () => planCohort({ startsOn: '2026-09-01', endsOn: '2026-08-31', applicationDeadline: '2026-08-15', capacity: 12 }),
        InvalidRequestError,
        'a cohort must end after it starts',
      );
    });

    it('refuses an end on the start day', () => {
      expectRefusal(
        () => planCohort({ startsOn: '2026-09-01', endsOn: '2026-09-01', applicationDeadline: '2026-08-15', capacity: 12 }),
        InvalidRequestError,
        'a cohort must end after it starts',
      );
    });

    it('refuses an application deadline after the start', () => {
      expectRefusal(
        () => planCohort({ startsOn: '2026-09-01', applicationDeadline: '2026-09-02', capacity: 12 }),
        InvalidRequestError,
        'the application deadline must not be after the start',
      );
    });

    it.each([0, -3, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a capacity of %p', (capacity) => {
      expectRefusal(
        () => planCohort({ startsOn: '2026-09-01', applicationDeadline: '2026-08-15', capacity }),
        InvalidRequestError,
        'capacity must be at least 1',
      );
    });

    it.each([
      ['startsOn', { startsOn: '2026-02-30', endsOn: '2026-06-30', applicationDeadline: '2026-02-01' }],
      ['startsOn', { startsOn: '2026-2-3', endsOn: '2026-06-30', applicationDeadline: '2026-02-01' }],
      ['endsOn', { startsOn: '2026-09-01', endsOn: '2026-13-01', applicationDeadline: '2026-08-15' }],
      ['endsOn', { startsOn: '2026-09-01', endsOn: '2026-11-31', applicationDeadline: '2026-08-15' }],
      ['applicationDeadline', { startsOn: '2026-09-01', endsOn: '2026-12-01', applicationDeadline: '15/08/2026' }],
      ['applicationDeadline', { startsOn: '2026-09-01', endsOn: '2026-12-01', applicationDeadline: '2026-06-31' }],
    ])('refuses a %s that is not a real calendar date', (name, dates) => {
      expectRefusal(() => planCohort({ ...dates, capacity: 12 }), InvalidRequestError, `${name} must be a date (YYYY-MM-DD)`);
    });

    it('refuses an impossible start date even when the end is derived from it', () => {
      expectRefusal(
        () => planCohort({ startsOn: '2026-02-30', applicationDeadline: '2026-02-01', capacity: 12 }),
        InvalidRequestError,
        'startsOn must be a date (YYYY-MM-DD)',
      );
    });
  });

  describe('advanceCohort', () => {
    it.each([
      ['planned', 'open'],
      ['open', 'matching'],
      ['matching', 'running'],
      ['running', 'completed'],
    ] as const)('moves a %s cohort on to %s', (from, to) => {
      expect(advanceCohort(cohort({ status: from }), to)).toBe(to);
    });

    const allowed = new Set(['planned→open', 'open→matching', 'matching→running', 'running→completed']);
    const refused = COHORT_STATUSES.flatMap((from) => COHORT_STATUSES.map((to): [CohortStatus, CohortStatus] => [from, to])).filter(
      ([from, to]) => !allowed.has(`${from}→${to}`),
    );

    it('refuses all 21 other moves between the five statuses', () => {
      expect(COHORT_STATUSES).toEqual(['planned', 'open', 'matching', 'running', 'completed']);
      expect(refused).toHaveLength(21);
    });

    it.each(refused)('refuses to move a %s cohort to %s', (from, to) => {
      expectRefusal(() => advanceCohort(cohort({ status: from }), to), TransitionRefusedError, `a ${from} cohort cannot become ${to}`);
    });

    it('refuses to skip matching and start running straight from open', () => {
      expect(() => advanceCohort(cohort({ status: 'open' }), 'running')).toThrow(TransitionRefusedError);
    });

    it('refuses to reopen applications once matching has begun', () => {
      expect(() => advanceCohort(cohort({ status: 'matching' }), 'open')).toThrow(TransitionRefusedError);
    });

    it('lets nothing follow a completed cohort', () => {
      for (const to of COHORT_STATUSES) {
        expect(() => advanceCohort(cohort({ status: 'completed' }), to)).toThrow(TransitionRefusedError);
      }
    });
  });

  describe('assertTakesApplications', () => {
    it('takes applications while open and before the deadline', () => {
      expect(() => assertTakesApplications(cohort({ status: 'open', applicationDeadline: '2026-08-15' }), '2026-08-01')).not.toThrow();
    });

    it('still takes applications on the deadline day itself', () => {
      expect(() => assertTakesApplications(cohort({ status: 'open', applicationDeadline: '2026-08-15' }), '2026-08-15')).not.toThrow();
    });

    it('refuses applications the day after the deadline', () => {
      expectRefusal(
        () => assertTakesApplications(cohort({ status: 'open', applicationDeadline: '2026-08-15' }), '2026-08-16'),
        TransitionRefusedError,
        'the application deadline 2026-08-15 has passed',
      );
    });

    it.each(['planned', 'matching', 'running', 'completed'] as const)('refuses applications to a %s cohort', (status) => {
      expectRefusal(
        () => assertTakesApplications(cohort({ status }), '2026-08-01'),
        TransitionRefusedError,
        `the cohort is ${status}, not open for applications`,
      );
    });
  });

  describe('hasStarted', () => {
    it('has not started for an open cohort before its start day', () => {
      expect(hasStarted(cohort({ status: 'open', startsOn: '2026-09-01' }), '2026-08-31')).toBe(false);
    });

    it('has not started while matching before the start day', () => {
      expect(hasStarted(cohort({ status: 'matching', startsOn: '2026-09-01' }), '2026-08-20')).toBe(false);
    });

    it('has started on the start day even if nobody moved it to running yet', () => {
      expect(hasStarted(cohort({ status: 'matching', startsOn: '2026-09-01' }), '2026-09-01')).toBe(true);
    });

    it('has started after the start day', () => {
      expect(hasStarted(cohort({ status: 'open', startsOn: '2026-09-01' }), '2026-10-01')).toBe(true);
    });

    it.each(['running', 'completed'] as const)('has started once %s, even before the planned start day', (status) => {
      expect(hasStarted(cohort({ status, startsOn: '2026-09-01' }), '2026-08-01')).toBe(true);
    });
  });
});

describe('planCohort with a malformed start date', () => {
  it('refuses it as a bad request instead of failing while computing the default end', () => {
    expect(() => planCohort({ startsOn: 'soon', applicationDeadline: '2026-01-01', capacity: 5 })).toThrow('startsOn must be a date (YYYY-MM-DD)');
  });
});
