import type { AssignmentOptions, AssignmentProblem, AssignmentResult, Assignment } from './assignment-problem';
import { solveDenseByJonkerVolgenant } from './dense-jonker-volgenant.solver';
import { solveCompleteByPricing } from './complete-graph.solver';
import { keepScoresAtLeast, ProblemIndex, readDenseScores, readPairs, toCsr, type CsrGraph } from './indexed-problem';
import type { MatchingSolution } from './matching-solution';
import { UNMATCHED } from './matching-solution';
import { maximumCardinality } from './maximum-cardinality';
import type { AssignmentCertificate, DualValue } from './optimality-certificate';
import { solveByShortestAugmentingPaths } from './shortest-augmenting-path.solver';

/**
 * Which solver runs. `auto` takes the dense path (candidate pairs + pricing, see
 * {@link solveCompleteByPricing}) when every mentee is eligible for every mentor and fairness is
 * off, the general sparse solver otherwise. The others force one path, for tests and the
 * benchmark: `sparse` (always possible), `dense` (complete problems), `jonker-volgenant` (the
 * classic dense LAPJV; complete problems with every capacity 1).
 */
export type SolverStrategy = 'auto' | 'sparse' | 'dense' | 'jonker-volgenant';

export interface SolveOutcome {
  readonly result: AssignmentResult;
  readonly certificate: AssignmentCertificate;
}

/**
 * Assigns mentees to mentors: each mentee at most one mentor, each mentor at most `capacity`
 * mentees, only listed pairs. Default objective, lexicographic: (1) as many mentees matched as
 * possible, (2) the highest total score among those assignments. With `fairness: true`: (1) as
 * many matched as possible, (2) the highest possible lowest score among the matched pairs,
 * (3) the highest total among the assignments meeting (1) and (2).
 *
 * Deterministic: ids are ranked in code unit order and every tie is broken by rank (see
 * {@link solveByShortestAugmentingPaths}), so any order of the same input gives the same result.
 *
 * @throws AssignmentInputError when the problem is malformed.
 */
export function solveAssignment(problem: AssignmentProblem, options: AssignmentOptions = {}): AssignmentResult {
  const { index, solution } = solve(problem, options, 'auto');
  return toResult(index, solution);
}

/**
 * {@link solveAssignment}, plus the dual certificate that `verifyOptimality` checks. `strategy`
 * forces a solver path (for tests and the benchmark); every path returns an optimal result.
 */
export function solveAssignmentWithCertificate(
  problem: AssignmentProblem,
  options: AssignmentOptions = {},
  strategy: SolverStrategy = 'auto',
): SolveOutcome {
  const { index, solution, threshold } = solve(problem, options, strategy);
  return { result: toResult(index, solution), certificate: toCertificate(index, solution, threshold) };
}

function solve(
  problem: AssignmentProblem,
  options: AssignmentOptions,
  strategy: SolverStrategy,
): { index: ProblemIndex; solution: MatchingSolution; threshold: number | null } {
  const index = new ProblemIndex(problem);
  const n = index.menteeIds.length;
  const m = index.mentorIds.length;
  const fairness = options.fairness === true;
  const complete = n > 0 && m > 0 && index.pairCount === n * m;
  const dense = strategy === 'dense' || strategy === 'jonker-volgenant' || (strategy === 'auto' && complete && !fairness);

  if (dense) {
    if (!complete) throw new Error(`the ${strategy} solver needs every pair eligible`);
    if (fairness) throw new Error(`the ${strategy} solver does not implement the fairness mode`);
    if (strategy !== 'jonker-volgenant') return { index, solution: solveCompleteByPricing(index), threshold: null };
    if (!index.capacity.every((c) => c === 1)) throw new Error('the jonker-volgenant solver needs every capacity 1');
    return { index, solution: solveDenseByJonkerVolgenant(readDenseScores(index), n, m), threshold: null };
  }
  let graph = toCsr(readPairs(index));
  let threshold: number | null = null;
  if (fairness) {
    threshold = bestBottleneck(graph, index.capacity);
    if (threshold !== null) graph = keepScoresAtLeast(graph, threshold);
  }
  return { index, solution: solveByShortestAugmentingPaths(graph, index.capacity), threshold };
}

/**
 * The highest `θ` such that the pairs scoring at least `θ` still admit a maximum-cardinality
 * assignment of the whole graph, or null when nothing can be matched. Cardinality only falls as
 * `θ` rises, so a binary search over the distinct scores needs O(log pairs) Hopcroft–Karp runs.
 */
function bestBottleneck(graph: CsrGraph, capacity: Int32Array): number | null {
  const best = maximumCardinality(graph, capacity);
  if (best === 0) return null;
  const distinct = Float64Array.from(graph.score).sort();
  let unique = 0;
  for (let k = 0; k < distinct.length; k++) if (k === 0 || distinct[k] !== distinct[unique - 1]) distinct[unique++] = distinct[k];
  let feasible = 0; // distinct[0] keeps every pair
  let infeasible = unique;
  while (infeasible - feasible > 1) {
    const middle = (feasible + infeasible) >>> 1;
    if (maximumCardinality(graph, capacity, distinct[middle]) === best) feasible = middle;
    else infeasible = middle;
  }
  return distinct[feasible];
}

function toResult(indexed: ProblemIndex, solution: MatchingSolution): AssignmentResult {
  const { menteeIds, mentorIds } = indexed;
  const assignments: Assignment[] = [];
  const unmatchedMenteeIds: string[] = [];
  // Neumaier summation in mentee order: deterministic and accurate for fractional scores.
  let sum = 0;
  let compensation = 0;
  let minScore: number | null = null;
  for (let i = 0; i < menteeIds.length; i++) {
    const j = solution.mentorOf[i];
    if (j === UNMATCHED) {
      unmatchedMenteeIds.push(menteeIds[i]);
      continue;
    }
    const score = solution.scoreOf[i];
    assignments.push({ menteeId: menteeIds[i], mentorId: mentorIds[j], score });
    const next = sum + score;
    compensation += Math.abs(sum) >= Math.abs(score) ? sum - next + score : score - next + sum;
    sum = next;
    if (minScore === null || score < minScore) minScore = score;
  }
  return { assignments, totalScore: sum + compensation, unmatchedMenteeIds, minScore };
}

function toCertificate(indexed: ProblemIndex, solution: MatchingSolution, threshold: number | null): AssignmentCertificate {
  const { duals } = solution;
  const menteeDuals = new Map<string, DualValue>();
  indexed.menteeIds.forEach((id, i) => menteeDuals.set(id, { units: duals.menteeUnits[i], value: duals.menteeValue[i] }));
  const mentorDuals = new Map<string, DualValue>();
  indexed.mentorIds.forEach((id, j) => mentorDuals.set(id, { units: duals.mentorUnits[j], value: duals.mentorValue[j] }));
  return { threshold, menteeDuals, mentorDuals };
}
