import fc from 'fast-check';
import { bruteForceOptimum, constraintViolations } from '../test/brute-force-assignment';
import { problemArbitrary, shuffledProblemArbitrary } from '../test/problem.arbitraries';
import type { AssignmentProblem, AssignmentResult } from './assignment-problem';
import { solveCompleteByPricing } from './complete-graph.solver';
import { ProblemIndex } from './indexed-problem';
import { verifyOptimality } from './optimality-certificate';
import { solveAssignment, solveAssignmentWithCertificate, type SolverStrategy } from './solve-assignment';

const RUNS = 2000;
const small = problemArbitrary({ maxMentees: 6, maxMentors: 4, maxCapacity: 3 });
const smallComplete = problemArbitrary({ maxMentees: 6, maxMentors: 5, maxCapacity: 1, completeOnly: true });
const smallCompleteWithCapacities = problemArbitrary({ maxMentees: 6, maxMentors: 4, maxCapacity: 3, completeOnly: true });

function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

function expectOptimalByDefault(problem: AssignmentProblem, strategy: SolverStrategy): AssignmentResult {
  const { result, certificate } = solveAssignmentWithCertificate(problem, {}, strategy);
  const optimum = bruteForceOptimum(problem);
  expect(constraintViolations(problem, result)).toEqual([]);
  expect(result.assignments).toHaveLength(optimum.cardinality);
  expectClose(result.totalScore, optimum.bestTotal);
  expect(verifyOptimality(problem, result, certificate).violations).toEqual([]);
  return result;
}

describe('solveAssignment against exhaustive search', () => {
  it('matches as many mentees as possible, then reaches the best total score', () => {
    fc.assert(
      fc.property(small, (problem) => {
        expectOptimalByDefault(problem, 'auto');
      }),
      { numRuns: RUNS },
    );
  });

  it('reaches the same optimum with the dense, Jonker–Volgenant and general solvers on complete problems', () => {
    fc.assert(
      fc.property(smallComplete, (problem) => {
        const jonkerVolgenant = expectOptimalByDefault(problem, 'jonker-volgenant');
        const dense = expectOptimalByDefault(problem, 'dense');
        const sparse = expectOptimalByDefault(problem, 'sparse');
        expect(dense.assignments).toHaveLength(sparse.assignments.length);
        expect(jonkerVolgenant.assignments).toHaveLength(sparse.assignments.length);
        expectClose(dense.totalScore, sparse.totalScore);
        expectClose(jonkerVolgenant.totalScore, sparse.totalScore);
      }),
      { numRuns: RUNS },
    );
  });

  it('reaches the general optimum with the dense solver on complete problems with capacities', () => {
    fc.assert(
      fc.property(smallCompleteWithCapacities, (problem) => {
        expectOptimalByDefault(problem, 'dense');
      }),
      { numRuns: RUNS },
    );
  });

  it('prices in every pair a too small candidate set missed (dense solver, 1–3 candidates per mentee)', () => {
    fc.assert(
      fc.property(smallCompleteWithCapacities.chain(shuffledProblemArbitrary), fc.integer({ min: 1, max: 3 }), (problem, candidates) => {
        const solution = solveCompleteByPricing(new ProblemIndex(problem), candidates);
        const optimum = bruteForceOptimum(problem);
        let matched = 0;
        let total = 0;
        solution.mentorOf.forEach((mentor, mentee) => {
          if (mentor < 0) return;
          matched++;
          total += solution.scoreOf[mentee];
        });
        expect(matched).toBe(optimum.cardinality);
        expectClose(total, optimum.bestTotal);
      }),
      { numRuns: RUNS },
    );
  });

  it('in fairness mode keeps the cardinality, maximises the lowest score, then the total', () => {
    fc.assert(
      fc.property(small, (problem) => {
        const { result, certificate } = solveAssignmentWithCertificate(problem, { fairness: true });
        const optimum = bruteForceOptimum(problem);
        expect(constraintViolations(problem, result)).toEqual([]);
        expect(result.assignments).toHaveLength(optimum.cardinality);
        // `===` so that a -0 score equals 0 (two pairs scoring 0 and -0 are equally good).
        expect(result.minScore === optimum.bestMinScore).toBe(true);
        expectClose(result.totalScore, optimum.bestTotalAtBestMinScore);
        expect(certificate.threshold === optimum.bestMinScore).toBe(true);
        expect(verifyOptimality(problem, result, certificate).violations).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('solveAssignment determinism', () => {
  const tieHeavy = problemArbitrary({
    maxMentees: 25,
    maxMentors: 12,
    maxCapacity: 3,
    score: fc.integer({ min: 0, max: 3 }),
  });
  const withShuffle = (base: fc.Arbitrary<AssignmentProblem>) =>
    base.chain((problem) => fc.tuple(fc.constant(problem), shuffledProblemArbitrary(problem)));

  it('gives the identical result for any order of the same input', () => {
    fc.assert(
      fc.property(withShuffle(tieHeavy), fc.boolean(), ([problem, shuffled], fairness) => {
        expect(solveAssignment(shuffled, { fairness })).toEqual(solveAssignment(problem, { fairness }));
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the identical result for any order of a complete problem (dense solver)', () => {
    const complete = problemArbitrary({ maxMentees: 12, maxMentors: 12, maxCapacity: 1, completeOnly: true, score: fc.integer({ min: 0, max: 2 }) });
    fc.assert(
      fc.property(withShuffle(complete), ([problem, shuffled]) => {
        expect(solveAssignment(shuffled)).toEqual(solveAssignment(problem));
      }),
      { numRuns: 500 },
    );
  });
});

describe('solveAssignment on medium problems', () => {
  const medium = problemArbitrary({ maxMentees: 60, maxMentors: 30, maxCapacity: 3 });

  it('always comes with a certificate that proves optimality', () => {
    fc.assert(
      fc.property(medium, fc.boolean(), (problem, fairness) => {
        const { result, certificate } = solveAssignmentWithCertificate(problem, { fairness });
        expect(verifyOptimality(problem, result, certificate).violations).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
