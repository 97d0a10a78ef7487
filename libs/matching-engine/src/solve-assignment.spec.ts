import type { AssignmentProblem, EligiblePair } from './assignment-problem';
import { AssignmentInputError } from './assignment-input.error';
import { verifyOptimality } from './optimality-certificate';
import { solveAssignment, solveAssignmentWithCertificate } from './solve-assignment';

const pair = (menteeId: string, mentorId: string, score: number): EligiblePair => ({ menteeId, mentorId, score });

describe('solveAssignment', () => {
  it('moves a mentee to the mentor with room when that raises the total', () => {
    const result = solveAssignment({
      mentees: [{ id: 'amira' }, { id: 'bao' }],
      mentors: [
        { id: 'full-after-one', capacity: 1 },
        { id: 'has-room', capacity: 2 },
      ],
      pairs: [pair('amira', 'full-after-one', 9), pair('amira', 'has-room', 8), pair('bao', 'full-after-one', 7), pair('bao', 'has-room', 1)],
    });

    // Amira's favourite plus Bao's leftover scores 9 + 1 = 10; swapping scores 8 + 7 = 15.
    expect(result.assignments).toEqual([
      { menteeId: 'amira', mentorId: 'has-room', score: 8 },
      { menteeId: 'bao', mentorId: 'full-after-one', score: 7 },
    ]);
    expect(result.totalScore).toBe(15);
    expect(result.unmatchedMenteeIds).toEqual([]);
    expect(result.minScore).toBe(7);
  });

  it('assigns the mentor with spare capacity to the second mentee', () => {
    const result = solveAssignment({
      mentees: [{ id: 'amira' }, { id: 'bao' }],
      mentors: [{ id: 'chidi', capacity: 2 }],
      pairs: [pair('amira', 'chidi', 3), pair('bao', 'chidi', 4)],
    });

    expect(result.assignments.map((a) => a.mentorId)).toEqual(['chidi', 'chidi']);
    expect(result.totalScore).toBe(7);
  });

  it('reports a mentee with no eligible mentor as unmatched', () => {
    const result = solveAssignment({
      mentees: [{ id: 'amira' }, { id: 'bao' }],
      mentors: [{ id: 'chidi', capacity: 3 }],
      pairs: [pair('amira', 'chidi', 5)],
    });

    expect(result.assignments).toEqual([{ menteeId: 'amira', mentorId: 'chidi', score: 5 }]);
    expect(result.unmatchedMenteeIds).toEqual(['bao']);
  });

  it('matches as many mentees as possible before it looks at the score', () => {
    // Amira alone with Chidi would score 100, but then Bao stays unmatched.
    const result = solveAssignment({
      mentees: [{ id: 'amira' }, { id: 'bao' }],
      mentors: [
        { id: 'chidi', capacity: 1 },
        { id: 'dana', capacity: 1 },
      ],
      pairs: [pair('amira', 'chidi', 100), pair('amira', 'dana', -5), pair('bao', 'chidi', 1)],
    });

    expect(result.assignments).toEqual([
      { menteeId: 'amira', mentorId: 'dana', score: -5 },
      { menteeId: 'bao', mentorId: 'chidi', score: 1 },
    ]);
    expect(result.totalScore).toBe(-4);
  });

  it('leaves out the mentee whose absence costs the least score when mentors run out', () => {
    const result = solveAssignment({
      mentees: [{ id: 'amira' }, { id: 'bao' }, { id: 'chen' }],
      mentors: [{ id: 'dana', capacity: 2 }],
      pairs: [pair('amira', 'dana', 4), pair('bao', 'dana', 1), pair('chen', 'dana', 6)],
    });

    expect(result.assignments.map((a) => a.menteeId)).toEqual(['amira', 'chen']);
    expect(result.unmatchedMenteeIds).toEqual(['bao']);
    expect(result.totalScore).toBe(10);
  });

  it('in fairness mode raises the lowest score even if the total drops', () => {
    const problem: AssignmentProblem = {
      mentees: [{ id: 'amira' }, { id: 'bao' }],
      mentors: [
        { id: 'chidi', capacity: 1 },
        { id: 'dana', capacity: 1 },
      ],
      pairs: [pair('amira', 'chidi', 10), pair('amira', 'dana', 4), pair('bao', 'chidi', 5), pair('bao', 'dana', 0)],
    };

    expect(solveAssignment(problem).assignments.map((a) => a.mentorId)).toEqual(['chidi', 'dana']); // 10 + 0
    const fair = solveAssignment(problem, { fairness: true }); // 4 + 5: lowest score 4 instead of 0
    expect(fair.assignments.map((a) => a.mentorId)).toEqual(['dana', 'chidi']);
    expect(fair.minScore).toBe(4);
    expect(fair.totalScore).toBe(9);
  });

  it('returns an empty result for an empty problem', () => {
    expect(solveAssignment({ mentees: [], mentors: [], pairs: [] })).toEqual({
      assignments: [],
      totalScore: 0,
      unmatchedMenteeIds: [],
      minScore: null,
    });
  });

  it('breaks ties by id, whatever the input order', () => {
    const mentees = [{ id: 'b' }, { id: 'a' }];
    const mentors = [
      { id: 'y', capacity: 1 },
      { id: 'x', capacity: 1 },
    ];
    const pairs = [pair('a', 'x', 1), pair('a', 'y', 1), pair('b', 'x', 1), pair('b', 'y', 1)];
    const forwards = solveAssignment({ mentees, mentors, pairs });
    const backwards = solveAssignment({ mentees: [...mentees].reverse(), mentors: [...mentors].reverse(), pairs: [...pairs].reverse() });

    expect(backwards).toEqual(forwards);
    expect(forwards.assignments).toEqual([
      { menteeId: 'a', mentorId: 'x', score: 1 },
      { menteeId: 'b', mentorId: 'y', score: 1 },
    ]);
  });

  it('accepts any positive integer capacity', () => {
    const result = solveAssignment({
      mentees: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
      mentors: [{ id: 'x', capacity: 1_000_000 }],
      pairs: ['a', 'b', 'c', 'd'].map((id) => pair(id, 'x', 1)),
    });

    expect(result.assignments).toHaveLength(4);
  });
});

describe('solveAssignment input validation', () => {
  const valid = (): { mentees: { id: string }[]; mentors: { id: string; capacity: number }[]; pairs: EligiblePair[] } => ({
    mentees: [{ id: 'amira' }, { id: 'bao' }],
    mentors: [{ id: 'chidi', capacity: 1 }],
    pairs: [pair('amira', 'chidi', 1)],
  });
  const rejects = (problem: unknown, message: RegExp): void => {
    expect(() => solveAssignment(problem as AssignmentProblem)).toThrow(AssignmentInputError);
    expect(() => solveAssignment(problem as AssignmentProblem)).toThrow(message);
  };

  it('accepts the valid base problem', () => {
    expect(() => solveAssignment(valid())).not.toThrow();
  });

  it('rejects a duplicate mentee id', () => {
    rejects({ ...valid(), mentees: [{ id: 'amira' }, { id: 'amira' }] }, /duplicate mentee id "amira"/);
  });

  it('rejects a duplicate mentor id', () => {
    rejects({ ...valid(), mentors: [{ id: 'chidi', capacity: 1 }, { id: 'chidi', capacity: 2 }] }, /duplicate mentor id "chidi"/);
  });

  it('rejects a pair naming an unknown mentee', () => {
    rejects({ ...valid(), pairs: [pair('zoe', 'chidi', 1)] }, /unknown mentee "zoe"/);
  });

  it('rejects a pair naming an unknown mentor', () => {
    rejects({ ...valid(), pairs: [pair('amira', 'zed', 1)] }, /unknown mentor "zed"/);
  });

  it('rejects a pair listed twice', () => {
    rejects({ ...valid(), pairs: [pair('amira', 'chidi', 1), pair('amira', 'chidi', 2)] }, /\("amira", "chidi"\) is listed more than once/);
  });

  it('rejects a pair listed twice in a problem with as many pairs as a complete one', () => {
    const problem = { ...valid(), pairs: [pair('amira', 'chidi', 1), pair('amira', 'chidi', 2)] };
    expect(problem.pairs).toHaveLength(problem.mentees.length * problem.mentors.length);
    rejects(problem, /listed more than once/);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '5'])('rejects the score %p', (score) => {
    rejects({ ...valid(), pairs: [{ menteeId: 'amira', mentorId: 'chidi', score }] }, /must be a finite number/);
  });

  it.each([0, -1, 1.5, Number.NaN, '2'])('rejects the capacity %p', (capacity) => {
    rejects({ ...valid(), mentors: [{ id: 'chidi', capacity }] }, /must be a positive integer/);
  });

  it('rejects a mentee without a string id', () => {
    rejects({ ...valid(), mentees: [{ id: 7 }] }, /mentee at index 0 has no string id/);
  });
});

describe('verifyOptimality', () => {
  const problem: AssignmentProblem = {
    mentees: [{ id: 'amira' }, { id: 'bao' }],
    mentors: [
      { id: 'chidi', capacity: 1 },
      { id: 'dana', capacity: 1 },
    ],
    pairs: [pair('amira', 'chidi', 10), pair('amira', 'dana', 4), pair('bao', 'chidi', 5), pair('bao', 'dana', 0)],
  };

  it('accepts the solver result with its certificate', () => {
    const { result, certificate } = solveAssignmentWithCertificate(problem);
    expect(verifyOptimality(problem, result, certificate)).toMatchObject({ feasible: true, optimal: true, violations: [] });
  });

  it('rejects a feasible but worse assignment with the same certificate', () => {
    const { certificate } = solveAssignmentWithCertificate(problem);
    const worse = {
      assignments: [
        { menteeId: 'amira', mentorId: 'dana', score: 4 },
        { menteeId: 'bao', mentorId: 'chidi', score: 5 },
      ],
      totalScore: 9,
      unmatchedMenteeIds: [],
      minScore: 4,
    };
    const report = verifyOptimality(problem, worse, certificate);
    expect(report.feasible).toBe(true);
    expect(report.optimal).toBe(false);
  });

  it('rejects an assignment that breaks a capacity', () => {
    const { certificate } = solveAssignmentWithCertificate(problem);
    const crowded = {
      assignments: [
        { menteeId: 'amira', mentorId: 'chidi', score: 10 },
        { menteeId: 'bao', mentorId: 'chidi', score: 5 },
      ],
      totalScore: 15,
      unmatchedMenteeIds: [],
      minScore: 5,
    };
    const report = verifyOptimality(problem, crowded, certificate);
    expect(report.feasible).toBe(false);
    expect(report.violations).toContain('mentor chidi has 2 mentees, capacity 1');
  });
});
