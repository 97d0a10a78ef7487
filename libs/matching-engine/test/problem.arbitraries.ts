import fc from 'fast-check';
import type { AssignmentProblem, EligiblePair } from '../src/assignment-problem';

/** Scores that produce many ties, exact fractions, arbitrary doubles, and negatives. */
export const scoreArbitrary: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -3, max: 6 }),
  fc.integer({ min: -400, max: 400 }).map((quarter) => quarter / 4),
  fc.double({ min: -100, max: 100, noNaN: true }),
);

export interface ProblemShape {
  readonly maxMentees: number;
  readonly maxMentors: number;
  readonly maxCapacity: number;
  /** Every pair eligible (the shape that takes the dense solver); with maxCapacity 1, every capacity 1. */
  readonly completeOnly?: boolean;
  /** Score distribution; {@link scoreArbitrary} by default. */
  readonly score?: fc.Arbitrary<number>;
}

/**
 * Random problems: up to `maxMentees` × `maxMentors`, capacities 1..`maxCapacity`, each pair
 * eligible with a random density (or always, for `completeOnly`), ids whose order differs from the
 * listing order so that rank-based tie-breaking is exercised.
 */
export function problemArbitrary(shape: ProblemShape): fc.Arbitrary<AssignmentProblem> {
  const score = shape.score ?? scoreArbitrary;
  return fc
    .record({
      n: fc.integer({ min: shape.completeOnly ? 1 : 0, max: shape.maxMentees }),
      m: fc.integer({ min: shape.completeOnly ? 1 : 0, max: shape.maxMentors }),
      density: fc.double({ min: 0.2, max: 1, noNaN: true }),
    })
    .chain(({ n, m, density }) =>
      fc.record({
        capacities: fc.array(fc.integer({ min: 1, max: shape.maxCapacity }), { minLength: m, maxLength: m }),
        cells: fc.array(
          fc.record({ eligible: fc.double({ min: 0, max: 1, noNaN: true }), score }),
          { minLength: n * m, maxLength: n * m },
        ),
        n: fc.constant(n),
        m: fc.constant(m),
        density: fc.constant(density),
      }),
    )
    .map(({ n, m, capacities, cells, density }) => {
      const mentees = Array.from({ length: n }, (_, i) => ({ id: `mentee-${(7 * i + 3) % 10}${i}` }));
      const mentors = capacities.map((capacity, j) => ({ id: `mentor-${(5 * j + 2) % 7}${j}`, capacity }));
      const pairs: EligiblePair[] = [];
      cells.forEach(({ eligible, score: value }, cell) => {
        if (shape.completeOnly || eligible < density) {
          pairs.push({ menteeId: mentees[Math.floor(cell / m)].id, mentorId: mentors[cell % m].id, score: value });
        }
      });
      return { mentees, mentors, pairs };
    });
}

/** The same problem with every list in a random order. */
export function shuffledProblemArbitrary(problem: AssignmentProblem): fc.Arbitrary<AssignmentProblem> {
  const all = <T>(items: readonly T[]): fc.Arbitrary<T[]> => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
  return fc
    .record({ mentees: all(problem.mentees), mentors: all(problem.mentors), pairs: all(problem.pairs) })
    .map(({ mentees, mentors, pairs }) => ({ mentees, mentors, pairs }));
}
