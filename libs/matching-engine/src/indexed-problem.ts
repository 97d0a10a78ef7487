import { AssignmentInputError } from './assignment-input.error';
import type { AssignmentProblem } from './assignment-problem';

/**
 * A validated problem with every id replaced by its rank in id order (UTF-16 code unit order,
 * the default `Array.prototype.sort`, so no locale is involved). The solvers only ever see
 * ranks, which is what makes the result independent of the input order.
 */
export interface IndexedProblem {
  /** Mentee ids in ascending order; mentee `i` is `menteeIds[i]`. */
  readonly menteeIds: readonly string[];
  /** Mentor ids in ascending order; mentor `j` is `mentorIds[j]`. */
  readonly mentorIds: readonly string[];
  /** Capacity of mentor `j`, clamped to the number of mentees (a larger one cannot be used). */
  readonly capacity: Int32Array;
  /** Pair `p` joins mentee `pairMentee[p]` and mentor `pairMentor[p]` with `pairScore[p]`, in input order. */
  readonly pairMentee: Int32Array;
  readonly pairMentor: Int32Array;
  readonly pairScore: Float64Array;
}

/**
 * Eligible pairs in compressed sparse row form: the edges of mentee `i` are
 * `rowStart[i] .. rowStart[i + 1] - 1`, sorted by score descending, then mentor rank ascending
 * (a canonical order, so the input order never matters, and the order the lazy relaxation of the
 * solver needs: the best pairs first).
 */
export interface CsrGraph {
  readonly rowCount: number;
  readonly columnCount: number;
  readonly rowStart: Int32Array;
  readonly column: Int32Array;
  readonly score: Float64Array;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function rankIds(kind: 'mentee' | 'mentor', items: readonly { id: string }[]): { sorted: string[]; rankOfInput: Int32Array } {
  if (!Array.isArray(items)) throw new AssignmentInputError(`${kind}s must be an array`);
  const ids: string[] = new Array(items.length);
  for (let k = 0; k < items.length; k++) {
    const id = (items[k] as { id?: unknown } | null | undefined)?.id;
    if (typeof id !== 'string') throw new AssignmentInputError(`${kind} at index ${k} has no string id (got ${describe(id)})`);
    ids[k] = id;
  }
  const sorted = ids.slice().sort();
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k] === sorted[k - 1]) throw new AssignmentInputError(`duplicate ${kind} id ${describe(sorted[k])}`);
  }
  const rank = new Map<string, number>();
  for (let k = 0; k < sorted.length; k++) rank.set(sorted[k], k);
  const rankOfInput = new Int32Array(ids.length);
  for (let k = 0; k < ids.length; k++) rankOfInput[k] = rank.get(ids[k]) as number;
  return { sorted, rankOfInput };
}

/**
 * A validated problem whose pairs are resolved one at a time by {@link ProblemIndex.read}: mentees
 * and mentors are ranked and checked on construction (duplicate ids, capacities that are not
 * positive integers), pairs when read (unknown ids, non-finite scores). Duplicate pairs are found
 * where the pairs are laid out ({@link toCsr}, {@link readDenseScores}).
 *
 * Resolving ids is the hot spot for big inputs (a 2,000 × 2,000 problem has four million pairs),
 * so each id is first compared with the one the input order predicts — the same mentee as the
 * previous pair or the next one, and the mentor after the previous pair's mentor in `mentors`
 * (while that guess keeps paying off) — and only looked up in a hash map when the guess is wrong.
 * The guess is checked with `===`, so it never changes the outcome, only the speed.
 */
export class ProblemIndex {
  /** Mentee ids in ascending order; mentee `i` is `menteeIds[i]`. */
  readonly menteeIds: readonly string[];
  /** Mentor ids in ascending order; mentor `j` is `mentorIds[j]`. */
  readonly mentorIds: readonly string[];
  /** Capacity of mentor `j`, clamped to the number of mentees (a larger one cannot be used). */
  readonly capacity: Int32Array;
  readonly pairCount: number;
  /** The pair last read: mentee rank and mentor rank (its score is what `read` returns). */
  mentee = 0;
  mentor = 0;

  private readonly pairs: AssignmentProblem['pairs'];
  private readonly menteeInputIds: string[];
  private readonly mentorInputIds: string[];
  private readonly menteeRankOfInput: Int32Array;
  private readonly mentorRankOfInput: Int32Array;
  private readonly menteePosition = new Map<string, number>();
  private readonly mentorPosition = new Map<string, number>();
  private lastMentee = 0;
  private lastMentor = -1;
  /** The mentor guess is tried while it pays: +1 per hit (up to 32), −1 per miss. */
  private mentorGuessCredit = 32;

  constructor(problem: AssignmentProblem) {
    if (problem === null || typeof problem !== 'object') throw new AssignmentInputError('the problem must be an object');
    const mentees = rankIds('mentee', problem.mentees);
    const mentors = rankIds('mentor', problem.mentors);
    this.menteeIds = mentees.sorted;
    this.mentorIds = mentors.sorted;
    this.menteeRankOfInput = mentees.rankOfInput;
    this.mentorRankOfInput = mentors.rankOfInput;
    const n = mentees.sorted.length;
    const m = mentors.sorted.length;

    this.capacity = new Int32Array(m);
    for (let k = 0; k < m; k++) {
      const raw = problem.mentors[k].capacity;
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) {
        throw new AssignmentInputError(`mentor ${describe(problem.mentors[k].id)} has capacity ${describe(raw)}; it must be a positive integer`);
      }
      this.capacity[mentors.rankOfInput[k]] = Math.min(raw, Math.max(n, 1));
    }

    if (!Array.isArray(problem.pairs)) throw new AssignmentInputError('pairs must be an array');
    this.pairs = problem.pairs;
    this.pairCount = problem.pairs.length;
    this.menteeInputIds = problem.mentees.map((mentee) => mentee.id);
    this.mentorInputIds = problem.mentors.map((mentor) => mentor.id);
    for (let k = 0; k < n; k++) this.menteePosition.set(this.menteeInputIds[k], k);
    for (let k = 0; k < m; k++) this.mentorPosition.set(this.mentorInputIds[k], k);
  }

  /**
   * Resolves pair `p` into {@link mentee} and {@link mentor} and returns its score. (The score is
   * returned rather than stored: a field that holds small integers and doubles by turns changes
   * the object's hidden class and deoptimises this hot method.)
   */
  read(p: number): number {
    const pair = this.pairs[p];
    if (pair === null || typeof pair !== 'object') throw new AssignmentInputError(`pair at index ${p} is not an object`);
    const n = this.menteeInputIds.length;
    const m = this.mentorInputIds.length;

    const menteeId = pair.menteeId;
    let menteeAt = this.lastMentee;
    if (menteeAt >= n || menteeId !== this.menteeInputIds[menteeAt]) {
      menteeAt++;
      if (menteeAt >= n || menteeId !== this.menteeInputIds[menteeAt]) {
        const found = typeof menteeId === 'string' ? this.menteePosition.get(menteeId) : undefined;
        if (found === undefined) throw new AssignmentInputError(`pair at index ${p} names unknown mentee ${describe(menteeId)}`);
        menteeAt = found;
      }
    }
    this.lastMentee = menteeAt;

    const mentorId = pair.mentorId;
    let mentorAt = this.lastMentor + 1 < m ? this.lastMentor + 1 : 0;
    if (this.mentorGuessCredit > 0 && mentorAt < m && mentorId === this.mentorInputIds[mentorAt]) {
      if (this.mentorGuessCredit < 32) this.mentorGuessCredit++;
    } else {
      if (this.mentorGuessCredit > 0) this.mentorGuessCredit--;
      const found = typeof mentorId === 'string' ? this.mentorPosition.get(mentorId) : undefined;
      if (found === undefined) throw new AssignmentInputError(`pair at index ${p} names unknown mentor ${describe(mentorId)}`);
      mentorAt = found;
    }
    this.lastMentor = mentorAt;

    const score = pair.score;
    if (typeof score !== 'number' || !Number.isFinite(score)) {
      throw new AssignmentInputError(`pair (${describe(menteeId)}, ${describe(mentorId)}) has score ${describe(score)}; it must be a finite number`);
    }
    this.mentee = this.menteeRankOfInput[menteeAt];
    this.mentor = this.mentorRankOfInput[mentorAt];
    return score;
  }
}

/** Resolves every pair of an index into arrays. */
export function readPairs(index: ProblemIndex): IndexedProblem {
  const count = index.pairCount;
  const pairMentee = new Int32Array(count);
  const pairMentor = new Int32Array(count);
  const pairScore = new Float64Array(count);
  for (let p = 0; p < count; p++) {
    pairScore[p] = index.read(p);
    pairMentee[p] = index.mentee;
    pairMentor[p] = index.mentor;
  }
  return { menteeIds: index.menteeIds, mentorIds: index.mentorIds, capacity: index.capacity, pairMentee, pairMentor, pairScore };
}

export function duplicatePairError(problem: { menteeIds: readonly string[]; mentorIds: readonly string[] }, mentee: number, mentor: number): AssignmentInputError {
  return new AssignmentInputError(
    `pair (${describe(problem.menteeIds[mentee])}, ${describe(problem.mentorIds[mentor])}) is listed more than once`,
  );
}

/**
 * Builds the CSR graph: a counting sort by mentee (O(pairs)), then each mentee's edges sorted by
 * score descending and mentor rank ascending (a merge sort on typed arrays, O(d log d) for d
 * edges). Duplicate pairs are found with a per-mentor marker and reported.
 */
export function toCsr(problem: IndexedProblem): CsrGraph {
  const n = problem.menteeIds.length;
  const m = problem.mentorIds.length;
  const { pairMentee, pairMentor, pairScore } = problem;
  const total = pairMentee.length;

  const rowStart = new Int32Array(n + 1);
  for (let p = 0; p < total; p++) rowStart[pairMentee[p] + 1]++;
  let widest = 0;
  for (let i = 0; i < n; i++) {
    widest = Math.max(widest, rowStart[i + 1]);
    rowStart[i + 1] += rowStart[i];
  }
  const column = new Int32Array(total);
  const score = new Float64Array(total);
  const fill = rowStart.slice(0, n);
  for (let p = 0; p < total; p++) {
    const at = fill[pairMentee[p]]++;
    column[at] = pairMentor[p];
    score[at] = pairScore[p];
  }

  const seenIn = new Int32Array(m).fill(-1);
  const scratchColumn = new Int32Array(widest);
  const scratchScore = new Float64Array(widest);
  for (let i = 0; i < n; i++) {
    const from = rowStart[i];
    const to = rowStart[i + 1];
    for (let e = from; e < to; e++) {
      if (seenIn[column[e]] === i) throw duplicatePairError(problem, i, column[e]);
      seenIn[column[e]] = i;
    }
    sortRow(column, score, from, to, scratchColumn, scratchScore);
  }
  return { rowCount: n, columnCount: m, rowStart, column, score };
}

/** True when edge a goes before edge b: higher score first, then lower mentor rank. */
function before(scoreA: number, columnA: number, scoreB: number, columnB: number): boolean {
  return scoreA > scoreB || (scoreA === scoreB && columnA < columnB);
}

const INSERTION_RUN = 16;

/**
 * Sorts `[from, to)` of the parallel arrays: insertion sort on runs of 16, then bottom-up merges
 * through the scratch arrays. O(d log d), allocation-free, deterministic (the keys are distinct).
 */
export function sortRow(column: Int32Array, score: Float64Array, from: number, to: number, scratchColumn: Int32Array, scratchScore: Float64Array): void {
  for (let runStart = from; runStart < to; runStart += INSERTION_RUN) {
    const runEnd = Math.min(runStart + INSERTION_RUN, to);
    for (let k = runStart + 1; k < runEnd; k++) {
      const c = column[k];
      const s = score[k];
      let at = k - 1;
      while (at >= runStart && before(s, c, score[at], column[at])) {
        column[at + 1] = column[at];
        score[at + 1] = score[at];
        at--;
      }
      column[at + 1] = c;
      score[at + 1] = s;
    }
  }
  for (let width = INSERTION_RUN; from + width < to; width *= 2) {
    for (let left = from; left + width < to; left += 2 * width) {
      const middle = left + width;
      const right = Math.min(left + 2 * width, to);
      if (!before(score[middle], column[middle], score[middle - 1], column[middle - 1])) continue; // already in order
      const length = middle - left;
      for (let k = 0; k < length; k++) {
        scratchColumn[k] = column[left + k];
        scratchScore[k] = score[left + k];
      }
      let a = 0;
      let b = middle;
      let out = left;
      while (a < length && b < right) {
        if (before(score[b], column[b], scratchScore[a], scratchColumn[a])) {
          column[out] = column[b];
          score[out++] = score[b++];
        } else {
          column[out] = scratchColumn[a];
          score[out++] = scratchScore[a++];
        }
      }
      while (a < length) {
        column[out] = scratchColumn[a];
        score[out++] = scratchScore[a++];
      }
    }
  }
}

/** The subgraph of the edges scoring at least `threshold`, in the same order. */
export function keepScoresAtLeast(graph: CsrGraph, threshold: number): CsrGraph {
  const { rowCount, rowStart, column, score } = graph;
  let kept = 0;
  for (let e = 0; e < score.length; e++) if (score[e] >= threshold) kept++;
  const keptStart = new Int32Array(rowCount + 1);
  const keptColumn = new Int32Array(kept);
  const keptScore = new Float64Array(kept);
  let at = 0;
  for (let i = 0; i < rowCount; i++) {
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
      if (score[e] < threshold) continue;
      keptColumn[at] = column[e];
      keptScore[at] = score[e];
      at++;
    }
    keptStart[i + 1] = at;
  }
  return { rowCount, columnCount: graph.columnCount, rowStart: keptStart, column: keptColumn, score: keptScore };
}

/**
 * Reads every pair of a problem whose pairs cover each mentee–mentor combination exactly once
 * (the caller checks `pairs = mentees × mentors`) into a row-major `mentees × mentors` score
 * matrix. A duplicate pair is reported here, because it leaves a hole elsewhere.
 */
export function readDenseScores(index: ProblemIndex): Float64Array {
  const m = index.mentorIds.length;
  const matrix = new Float64Array(index.menteeIds.length * m).fill(Number.NaN);
  for (let p = 0; p < index.pairCount; p++) {
    const score = index.read(p);
    const cell = index.mentee * m + index.mentor;
    if (matrix[cell] === matrix[cell]) throw duplicatePairError(index, index.mentee, index.mentor);
    matrix[cell] = score;
  }
  return matrix;
}
