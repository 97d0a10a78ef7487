import { duplicatePairError, readPairs, sortRow, toCsr, type CsrGraph, type ProblemIndex } from './indexed-problem';
import type { MatchingSolution } from './matching-solution';
import { solveByShortestAugmentingPaths } from './shortest-augmenting-path.solver';

/** Candidate pairs per mentee in the first round (the best ones by score). */
const CANDIDATES_PER_MENTEE = 24;
/** After this many pricing rounds every pair becomes a candidate. */
const ROUNDS_BEFORE_EVERYTHING = 3;

/**
 * The dense special case: every mentee is eligible for every mentor (any capacities). Handing all
 * `n × m` pairs to the general solver would store and sort them all, so this solves a restricted
 * problem and prices the rest (column generation):
 *
 * 1. candidates = each mentee's best `k` pairs (score desc, mentor rank asc — a canonical choice),
 *    collected in one streaming pass over the input that also validates it;
 * 2. solve the candidates exactly with {@link solveByShortestAugmentingPaths}, which also returns
 *    a dual certificate `u, v` (see {@link LexDuals});
 * 3. price every pair (see {@link price}; usually without reading them again): if all satisfy
 *    `u_i + v_j ≥ (1, s_ij)`, the duals are feasible for the full problem and complementary
 *    slackness from step 2 still holds (it involves only matched pairs, mentees and mentors), so
 *    by LP duality the restricted optimum is optimal for the full problem — the same total as the
 *    general solver on all pairs;
 * 4. otherwise add the violating pairs to the candidates and repeat; after a few rounds, fall back
 *    to every pair.
 *
 * The solver clamps a mentor's capacity to its candidate count; that is harmless, because a mentor
 * whose every candidate is placed with it is never reached again and keeps `v = 0`.
 *
 * Why streaming: the input of a 2,000 × 2,000 problem is four million objects, so the process heap
 * is large and every major garbage collection is expensive. Keeping no `n × m` matrix (only a bit
 * per pair to catch duplicates and `k` candidates per mentee) keeps allocations — and so collections
 * triggered by them — small. On random dense instances the optimum lies almost entirely among the
 * top few pairs of each mentee, so one solve of `n · k` pairs and one pricing pass is the usual cost.
 */
export function solveCompleteByPricing(index: ProblemIndex, candidatesPerMentee = CANDIDATES_PER_MENTEE): MatchingSolution {
  const n = index.menteeIds.length;
  const m = index.mentorIds.length;
  const k = Math.min(m, Math.max(1, candidatesPerMentee));
  const best = collectBest(index, k);
  const extra = new Map<number, number>(); // mentee * m + mentor -> score, for priced-in pairs
  let graph: CsrGraph = { rowCount: n, columnCount: m, rowStart: best.rowStart, column: best.column, score: best.score };
  for (let round = 1; ; round++) {
    const solution = solveByShortestAugmentingPaths(graph, index.capacity);
    if (!price(index, solution, best, extra)) return solution;
    if (round >= ROUNDS_BEFORE_EVERYTHING) return solveByShortestAugmentingPaths(toCsr(readPairs(index)), index.capacity);
    graph = withExtraPairs(best, extra, n, m);
  }
}

interface BestPairs {
  readonly k: number;
  /** Input index of each mentee's first pair and whether its pairs are listed one after another. */
  readonly firstPair: Int32Array;
  readonly contiguous: boolean;
  readonly rowStart: Int32Array;
  readonly column: Int32Array;
  readonly score: Float64Array;
  /** Largest score magnitude seen (scales the pricing tolerance). */
  readonly magnitude: number;
}

/**
 * One pass over the pairs: validates them (via the index), rejects duplicates with one bit per
 * mentee–mentor combination, and keeps each mentee's best `k` pairs in order. A pair enters only
 * if it beats the k-th kept so far, which on most rows happens O(k log(m / k)) times.
 */
function collectBest(index: ProblemIndex, k: number): BestPairs {
  const n = index.menteeIds.length;
  const m = index.mentorIds.length;
  const seen = new Uint8Array(Math.ceil((n * m) / 8));
  const count = new Int32Array(n);
  const firstPair = new Int32Array(n).fill(-1);
  let contiguous = true;
  const rowStart = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) rowStart[i] = i * k;
  const column = new Int32Array(n * k);
  const score = new Float64Array(n * k);
  let magnitude = 1;
  for (let p = 0; p < index.pairCount; p++) {
    const value = index.read(p);
    const i = index.mentee;
    const j = index.mentor;
    const cell = i * m + j;
    if ((seen[cell >> 3] & (1 << (cell & 7))) !== 0) throw duplicatePairError(index, i, j);
    seen[cell >> 3] |= 1 << (cell & 7);
    if (value > magnitude) magnitude = value;
    else if (-value > magnitude) magnitude = -value;
    if (firstPair[i] < 0) firstPair[i] = p;
    else if (p - firstPair[i] >= m) contiguous = false;

    const first = i * k;
    let kept = count[i];
    if (kept === k) {
      const last = first + k - 1;
      if (!(value > score[last] || (value === score[last] && j < column[last]))) continue;
      kept--;
    }
    let at = first + kept;
    while (at > first && (score[at - 1] < value || (score[at - 1] === value && column[at - 1] > j))) {
      score[at] = score[at - 1];
      column[at] = column[at - 1];
      at--;
    }
    score[at] = value;
    column[at] = j;
    count[i] = kept + 1;
  }
  return { k, firstPair, contiguous, rowStart, column, score, magnitude };
}

/**
 * Second pass: every pair that is not a candidate and violates `u_i + v_j ≥ (1, s_ij)` (beyond a
 * rounding tolerance, so the loop cannot chase rounding errors) is added to `extra`. Returns
 * whether any was.
 *
 * Most mentees need no look at their pairs at all: every `v_j ≥ 0`, and a pair that is not a
 * candidate scores at most the mentee's k-th candidate, so `u_i ≥ (1, k-th score)` already proves
 * all its pairs. Only the other mentees are checked — through their own stretch of the input when
 * each mentee's pairs are listed together, else in one pass over all pairs.
 */
function price(index: ProblemIndex, solution: MatchingSolution, best: BestPairs, extra: Map<number, number>): boolean {
  const n = index.menteeIds.length;
  const m = index.mentorIds.length;
  const { menteeUnits, menteeValue, mentorUnits, mentorValue } = solution.duals;
  const { k, column, score } = best;
  const tolerance = 1e-12 * best.magnitude;
  const unproven: number[] = [];
  for (let i = 0; i < n; i++) {
    const kth = score[i * k + k - 1];
    if (menteeUnits[i] > 1 || (menteeUnits[i] === 1 && menteeValue[i] >= kth - tolerance)) continue;
    unproven.push(i);
  }
  if (unproven.length === 0) return false;

  let violated = false;
  const check = (p: number, only: Uint8Array | null): void => {
    const value = index.read(p);
    const i = index.mentee;
    const j = index.mentor;
    if (only !== null && only[i] === 0) return;
    const units = menteeUnits[i] + mentorUnits[j];
    if (units > 1 || (units === 1 && menteeValue[i] + mentorValue[j] >= value - tolerance)) return;
    const last = i * k + k - 1;
    const isBest = value > score[last] || (value === score[last] && j <= column[last]);
    if (isBest || extra.has(i * m + j)) return;
    extra.set(i * m + j, value);
    violated = true;
  };
  if (best.contiguous) {
    for (const i of unproven) for (let p = best.firstPair[i], to = p + m; p < to; p++) check(p, null);
  } else {
    const only = new Uint8Array(n);
    for (const i of unproven) only[i] = 1;
    for (let p = 0; p < index.pairCount; p++) check(p, only);
  }
  return violated;
}

/** The candidate graph: each mentee's best pairs plus the priced-in ones, in edge order. */
function withExtraPairs(best: BestPairs, extra: Map<number, number>, n: number, m: number): CsrGraph {
  const extraCount = new Int32Array(n);
  for (const key of extra.keys()) extraCount[Math.floor(key / m)]++;
  const rowStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) rowStart[i + 1] = rowStart[i] + best.k + extraCount[i];
  const column = new Int32Array(rowStart[n]);
  const score = new Float64Array(rowStart[n]);
  const fill = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let e = 0; e < best.k; e++) {
      column[rowStart[i] + e] = best.column[i * best.k + e];
      score[rowStart[i] + e] = best.score[i * best.k + e];
    }
    fill[i] = rowStart[i] + best.k;
  }
  for (const [key, value] of extra) {
    const i = Math.floor(key / m);
    column[fill[i]] = key - i * m;
    score[fill[i]++] = value;
  }
  let widest = 0;
  for (let i = 0; i < n; i++) widest = Math.max(widest, rowStart[i + 1] - rowStart[i]);
  const scratchColumn = new Int32Array(widest);
  const scratchScore = new Float64Array(widest);
  for (let i = 0; i < n; i++) sortRow(column, score, rowStart[i], rowStart[i + 1], scratchColumn, scratchScore);
  return { rowCount: n, columnCount: m, rowStart, column, score };
}
