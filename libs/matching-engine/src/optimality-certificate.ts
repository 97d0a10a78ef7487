import type { AssignmentProblem, AssignmentResult } from './assignment-problem';

/**
 * A dual value in ℤ × ℝ, ordered lexicographically: `units` whole "matched mentee" units, then
 * `value` in score units (see {@link LexDuals} for why the objective has two parts).
 */
export interface DualValue {
  readonly units: number;
  readonly value: number;
}

/**
 * Proof that an {@link AssignmentResult} is optimal, checkable in O(pairs) by
 * {@link verifyOptimality} without trusting the solver.
 */
export interface AssignmentCertificate {
  /**
   * Fairness mode: the lowest score the assignment was allowed to use (the certificate covers the
   * pairs scoring at least this); null in the default mode (every pair).
   */
  readonly threshold: number | null;
  /** `u_i` per mentee id. */
  readonly menteeDuals: ReadonlyMap<string, DualValue>;
  /** `v_j` per mentor id. */
  readonly mentorDuals: ReadonlyMap<string, DualValue>;
}

/** Outcome of {@link verifyOptimality}. */
export interface OptimalityReport {
  /** Every constraint holds and the reported totals match the assignments. */
  readonly feasible: boolean;
  /** Feasible, and the certificate proves no assignment matches more mentees or, with as many, scores higher. */
  readonly optimal: boolean;
  /** Dual objective minus primal objective in score units (≈ 0 for an optimal result). */
  readonly gap: number;
  /** Tolerance used for the score parts of the comparisons. */
  readonly tolerance: number;
  /** What failed, at most 20 entries. */
  readonly violations: string[];
}

/**
 * Checks a result against the problem and a dual certificate of the LP
 *
 *     maximise Σ (1, s_ij) x_ij   s.t.  Σ_j x_ij ≤ 1,  Σ_i x_ij ≤ cap_j,  x ≥ 0
 *
 * over the ordered group ℤ × ℝ (`cap_j` may be lowered to the number of mentees eligible for
 * mentor `j`: the mentee constraints imply that bound, so the LP is the same). Weak duality holds there as over ℝ: if `u, v ≥ 0` and
 * `u_i + v_j ≥ (1, s_ij)` on every allowed pair, then every feasible assignment `x` has
 * `Σ (1, s_ij) x_ij ≤ Σ u_i + Σ cap_j v_j`. Complementary slackness — equality on the matched
 * pairs, `u_i = 0` for unmatched mentees, `v_j = 0` for mentors with room — makes the result reach
 * that bound, so no assignment matches more mentees, and none matching as many scores higher.
 * Score parts are compared with a relative tolerance (1e-9 of the largest magnitude involved);
 * the lexicographic optimum is then exact up to `gap + assignments · tolerance`.
 *
 * In fairness mode the certificate covers the pairs at or above `certificate.threshold`: it proves
 * the total is the best among assignments using those pairs; that the threshold itself is the best
 * one is established by the solver's exhaustive search, not by this certificate.
 */
export function verifyOptimality(
  problem: AssignmentProblem,
  result: AssignmentResult,
  certificate: AssignmentCertificate,
): OptimalityReport {
  const violations: string[] = [];
  const fail = (message: string): void => {
    if (violations.length < 20) violations.push(message);
  };
  const threshold = certificate.threshold ?? -Infinity;

  const capacity = new Map<string, number>();
  for (const mentor of problem.mentors) capacity.set(mentor.id, mentor.capacity);
  const menteeIds = new Set(problem.mentees.map((mentee) => mentee.id));
  const eligible = new Map<string, Map<string, number>>();
  const allowedDegree = new Map<string, number>();
  let magnitude = 1;
  for (const pair of problem.pairs) {
    let row = eligible.get(pair.menteeId);
    if (row === undefined) eligible.set(pair.menteeId, (row = new Map()));
    row.set(pair.mentorId, pair.score);
    magnitude = Math.max(magnitude, Math.abs(pair.score));
    if (pair.score >= threshold) allowedDegree.set(pair.mentorId, (allowedDegree.get(pair.mentorId) ?? 0) + 1);
  }
  for (const dual of [...certificate.menteeDuals.values(), ...certificate.mentorDuals.values()]) {
    magnitude = Math.max(magnitude, Math.abs(dual.value));
  }
  const tolerance = 1e-9 * magnitude;

  // Primal feasibility.
  const mentorOf = new Map<string, string>();
  const load = new Map<string, number>();
  let total = 0;
  let minScore: number | null = null;
  for (const assignment of result.assignments) {
    const { menteeId, mentorId, score } = assignment;
    if (!menteeIds.has(menteeId)) fail(`assignment names unknown mentee ${menteeId}`);
    if (mentorOf.has(menteeId)) fail(`mentee ${menteeId} is assigned twice`);
    mentorOf.set(menteeId, mentorId);
    const listed = eligible.get(menteeId)?.get(mentorId);
    if (listed === undefined) fail(`pair (${menteeId}, ${mentorId}) is not eligible`);
    else if (listed !== score) fail(`pair (${menteeId}, ${mentorId}) reports score ${score}, input says ${listed}`);
    else if (listed < threshold) fail(`pair (${menteeId}, ${mentorId}) scores below the threshold ${threshold}`);
    load.set(mentorId, (load.get(mentorId) ?? 0) + 1);
    total += score;
    if (minScore === null || score < minScore) minScore = score;
  }
  for (const [mentorId, count] of load) {
    const cap = capacity.get(mentorId);
    if (cap === undefined) fail(`assignment names unknown mentor ${mentorId}`);
    else if (count > cap) fail(`mentor ${mentorId} has ${count} mentees, capacity ${cap}`);
  }
  const unmatched = new Set(result.unmatchedMenteeIds);
  for (const id of menteeIds) {
    if (mentorOf.has(id) === unmatched.has(id)) fail(`mentee ${id} must be either assigned or listed as unmatched, exactly once`);
  }
  if (unmatched.size !== result.unmatchedMenteeIds.length || unmatched.size + mentorOf.size !== menteeIds.size) {
    fail('unmatchedMenteeIds does not complement the assignments');
  }
  if (Math.abs(total - result.totalScore) > tolerance * Math.max(1, result.assignments.length)) {
    fail(`totalScore ${result.totalScore} differs from the sum of the assignments ${total}`);
  }
  if (minScore !== result.minScore) fail(`minScore ${result.minScore} differs from the lowest assigned score ${minScore}`);
  const feasible = violations.length === 0;

  // Dual feasibility and complementary slackness.
  const zero: DualValue = { units: 0, value: 0 };
  const dualOf = (duals: ReadonlyMap<string, DualValue>, id: string, kind: string): DualValue => {
    const dual = duals.get(id);
    if (dual === undefined) {
      fail(`certificate has no dual for ${kind} ${id}`);
      return zero;
    }
    return dual;
  };
  const isNegative = (d: DualValue): boolean => d.units < 0 || (d.units === 0 && d.value < -tolerance);
  const isPositive = (d: DualValue): boolean => d.units > 0 || (d.units === 0 && d.value > tolerance);
  let dualUnits = 0;
  let dualValue = 0;
  for (const id of menteeIds) {
    const u = dualOf(certificate.menteeDuals, id, 'mentee');
    if (isNegative(u)) fail(`u(${id}) = (${u.units}, ${u.value}) is negative`);
    if (isPositive(u) && !mentorOf.has(id)) fail(`u(${id}) > 0 but the mentee is unmatched`);
    dualUnits += u.units;
    dualValue += u.value;
  }
  for (const mentor of problem.mentors) {
    const v = dualOf(certificate.mentorDuals, mentor.id, 'mentor');
    // Σ_i x_ij ≤ (eligible mentees of j) is implied by the mentee constraints, so the capacity
    // constraint may use the smaller of the two without changing the LP.
    const capacity = Math.min(mentor.capacity, allowedDegree.get(mentor.id) ?? 0);
    if (isNegative(v)) fail(`v(${mentor.id}) = (${v.units}, ${v.value}) is negative`);
    if (isPositive(v) && (load.get(mentor.id) ?? 0) < capacity) fail(`v(${mentor.id}) > 0 but the mentor has room`);
    dualUnits += v.units * capacity;
    dualValue += v.value * capacity;
  }
  for (const pair of problem.pairs) {
    if (pair.score < threshold) continue;
    const u = dualOf(certificate.menteeDuals, pair.menteeId, 'mentee');
    const v = dualOf(certificate.mentorDuals, pair.mentorId, 'mentor');
    const units = u.units + v.units;
    const slack = u.value + v.value - pair.score;
    const matched = mentorOf.get(pair.menteeId) === pair.mentorId;
    if (units < 1 || (units === 1 && slack < -tolerance)) {
      fail(`pair (${pair.menteeId}, ${pair.mentorId}): u + v = (${units}, ${u.value + v.value}) < (1, ${pair.score})`);
    } else if (matched && (units !== 1 || Math.abs(slack) > tolerance)) {
      fail(`matched pair (${pair.menteeId}, ${pair.mentorId}) is not tight: u + v - (1, s) = (${units - 1}, ${slack})`);
    }
  }
  if (dualUnits !== result.assignments.length) {
    fail(`dual objective has ${dualUnits} units for ${result.assignments.length} matched mentees`);
  }
  const gap = dualValue - total;
  if (Math.abs(gap) > tolerance * Math.max(1, menteeIds.size + problem.mentors.length)) fail(`duality gap ${gap}`);
  return { feasible, optimal: violations.length === 0, gap, tolerance, violations };
}
