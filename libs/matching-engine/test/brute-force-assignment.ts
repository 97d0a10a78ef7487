import type { AssignmentProblem, AssignmentResult } from '../src/assignment-problem';

/** The optima of a small problem, found by trying every assignment. */
export interface BruteForceOptimum {
  /** Most mentees that can be matched at once. */
  readonly cardinality: number;
  /** Best total score among assignments matching `cardinality` mentees. */
  readonly bestTotal: number;
  /** Best lowest pair score among assignments matching `cardinality` mentees (null if 0). */
  readonly bestMinScore: number | null;
  /** Best total among assignments matching `cardinality` mentees whose lowest score is `bestMinScore`. */
  readonly bestTotalAtBestMinScore: number;
}

/**
 * Exhaustive search: each mentee in turn stays unmatched or takes an eligible mentor that still
 * has room. Exponential (∏ (1 + eligible mentors)), meant for about 6 mentees and 4 mentors.
 */
export function bruteForceOptimum(problem: AssignmentProblem): BruteForceOptimum {
  const mentorIndex = new Map(problem.mentors.map((mentor, j) => [mentor.id, j]));
  const options = problem.mentees.map((mentee) =>
    problem.pairs
      .filter((pair) => pair.menteeId === mentee.id)
      .map((pair) => ({ mentor: mentorIndex.get(pair.mentorId) as number, score: pair.score })),
  );
  const room = problem.mentors.map((mentor) => mentor.capacity);

  let cardinality = -1;
  let bestTotal = -Infinity;
  let bestMinScore = -Infinity;
  let bestTotalAtBestMinScore = -Infinity;
  const visit = (i: number, matched: number, total: number, min: number): void => {
    if (i === options.length) {
      if (matched > cardinality) {
        cardinality = matched;
        bestTotal = -Infinity;
        bestMinScore = -Infinity;
        bestTotalAtBestMinScore = -Infinity;
      }
      if (matched < cardinality) return;
      if (total > bestTotal) bestTotal = total;
      if (min > bestMinScore) {
        bestMinScore = min;
        bestTotalAtBestMinScore = total;
      } else if (min === bestMinScore && total > bestTotalAtBestMinScore) {
        bestTotalAtBestMinScore = total;
      }
      return;
    }
    visit(i + 1, matched, total, min);
    for (const { mentor, score } of options[i]) {
      if (room[mentor] === 0) continue;
      room[mentor]--;
      visit(i + 1, matched + 1, total + score, Math.min(min, score));
      room[mentor]++;
    }
  };
  visit(0, 0, 0, Infinity);
  return {
    cardinality,
    bestTotal: cardinality === 0 ? 0 : bestTotal,
    bestMinScore: cardinality === 0 ? null : bestMinScore,
    bestTotalAtBestMinScore: cardinality === 0 ? 0 : bestTotalAtBestMinScore,
  };
}

/** Every constraint of the problem that a result must respect; returns what is broken. */
export function constraintViolations(problem: AssignmentProblem, result: AssignmentResult): string[] {
  const broken: string[] = [];
  const capacity = new Map(problem.mentors.map((mentor) => [mentor.id, mentor.capacity]));
  const score = new Map(problem.pairs.map((pair) => [`${pair.menteeId}\u0000${pair.mentorId}`, pair.score]));
  const seen = new Set<string>();
  const load = new Map<string, number>();
  for (const { menteeId, mentorId, score: reported } of result.assignments) {
    if (seen.has(menteeId)) broken.push(`${menteeId} assigned twice`);
    seen.add(menteeId);
    const listed = score.get(`${menteeId}\u0000${mentorId}`);
    if (listed === undefined) broken.push(`${menteeId}-${mentorId} is not eligible`);
    else if (listed !== reported) broken.push(`${menteeId}-${mentorId} reports ${reported} instead of ${listed}`);
    load.set(mentorId, (load.get(mentorId) ?? 0) + 1);
  }
  for (const [mentorId, count] of load) {
    if (count > (capacity.get(mentorId) ?? 0)) broken.push(`${mentorId} over capacity`);
  }
  const unmatched = problem.mentees.map((mentee) => mentee.id).filter((id) => !seen.has(id)).sort();
  if (JSON.stringify(unmatched) !== JSON.stringify(result.unmatchedMenteeIds)) broken.push('unmatchedMenteeIds is wrong');
  const total = result.assignments.reduce((sum, assignment) => sum + assignment.score, 0);
  if (Math.abs(total - result.totalScore) > 1e-9 * Math.max(1, Math.abs(total))) broken.push('totalScore is not the sum');
  const min = result.assignments.length === 0 ? null : Math.min(...result.assignments.map((assignment) => assignment.score));
  if (min !== result.minScore) broken.push('minScore is not the lowest score');
  return broken;
}
