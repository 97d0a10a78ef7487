import { UNMATCHED, type MatchingSolution } from './matching-solution';

/**
 * A second, independent dense solver (strategy `jonker-volgenant`), kept as a cross-check of the
 * general solver in the property tests and the benchmark; `auto` uses the faster pricing path
 * ({@link solveCompleteByPricing}) for complete problems. When every mentee is eligible for every
 * mentor and every capacity is 1, the lexicographic objective is simply "the best total among
 * assignments that cover the smaller side", a classic linear assignment problem, solved by
 * Jonker & Volgenant's LAPJV
 * ("A shortest augmenting path algorithm for dense and sparse linear assignment problems",
 * Computing 38, 1987) on a `Float64Array` cost matrix `cost = −score`:
 *
 * 1. column reduction, reduction transfer and two rounds of augmenting row reduction (an
 *    auction-like phase that settles most rows cheaply while keeping the duals feasible: every
 *    assigned row sits on a column of least reduced cost);
 * 2. one Dijkstra-style shortest augmenting path per row still free, with the JV partial price
 *    update (only scanned columns change price).
 *
 * A rectangular problem is made square by padding with all-zero rows (mentors or mentees are
 * transposed so that the real rows are the smaller side): a padding row costs nothing wherever it
 * goes, so the optimum over the real rows is unchanged. The result has the same total as the
 * general solver (both are exact optima; ties may pick different but equally good pairs).
 *
 * The final duals `u`, `v` (reduced costs `cost − u − v ≥ 0`, zero on the assignment) become the
 * lexicographic certificate documented in {@link LexDuals}: the side that is fully matched gets
 * `(1, −u − α)`-style values, the other side `(0, −v − α)` with `α` the least `−v`, which is what
 * the padding rows pin the unmatched columns to.
 *
 * Augmenting row reduction can creep forward in tiny steps when scores are floating point; it is
 * bounded to a fixed number of steps, after which the remaining rows go to phase 2 — correct
 * either way, because phase 1 only ever produces feasible duals.
 */
export function solveDenseByJonkerVolgenant(scores: Float64Array, menteeCount: number, mentorCount: number): MatchingSolution {
  const n = menteeCount;
  const m = mentorCount;
  const transposed = n > m;
  const dim = Math.max(n, m);
  const cost = new Float64Array(dim * dim);
  if (!transposed) {
    for (let k = 0; k < n * m; k++) cost[k] = -scores[k];
  } else {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) cost[j * dim + i] = -scores[i * m + j];
    }
  }
  const { rowSolution, u, v } = lapjv(dim, cost);

  let alpha = Infinity;
  for (let c = 0; c < dim; c++) alpha = Math.min(alpha, -v[c]);
  if (dim === 0) alpha = 0;
  const rowsUnits = new Int32Array(dim).fill(1);
  const rowsValue = new Float64Array(dim);
  const columnsValue = new Float64Array(dim);
  for (let r = 0; r < dim; r++) rowsValue[r] = -u[r] + alpha;
  for (let c = 0; c < dim; c++) columnsValue[c] = Math.max(0, -v[c] - alpha);

  const mentorOf = new Int32Array(n).fill(UNMATCHED);
  const scoreOf = new Float64Array(n);
  if (!transposed) {
    for (let i = 0; i < n; i++) mentorOf[i] = rowSolution[i];
  } else {
    for (let j = 0; j < m; j++) mentorOf[rowSolution[j]] = j;
  }
  for (let i = 0; i < n; i++) if (mentorOf[i] !== UNMATCHED) scoreOf[i] = scores[i * m + mentorOf[i]];
  const duals = transposed
    ? {
        menteeUnits: new Int32Array(n),
        menteeValue: columnsValue.slice(0, n),
        mentorUnits: rowsUnits.slice(0, m),
        mentorValue: rowsValue.slice(0, m),
      }
    : {
        menteeUnits: rowsUnits.slice(0, n),
        menteeValue: rowsValue.slice(0, n),
        mentorUnits: new Int32Array(m),
        mentorValue: columnsValue.slice(0, m),
      };
  return { mentorOf, scoreOf, duals };
}

/** Bound on augmenting-row-reduction steps per row of the matrix (see the solver's doc). */
const REDUCTION_STEPS_PER_ROW = 16;

/** LAPJV on a square `dim × dim` row-major cost matrix: minimum-cost perfect assignment. */
function lapjv(dim: number, cost: Float64Array): { rowSolution: Int32Array; u: Float64Array; v: Float64Array } {
  const rowSolution = new Int32Array(dim).fill(-1);
  const columnSolution = new Int32Array(dim).fill(-1);
  const u = new Float64Array(dim);
  const v = new Float64Array(dim);
  if (dim === 0) return { rowSolution, u, v };
  if (dim === 1) {
    rowSolution[0] = 0;
    u[0] = cost[0];
    return { rowSolution, u, v };
  }

  // Column reduction: v_j = min over rows, computed row by row for cache locality; the first row
  // reaching the minimum wins, as in the column-by-column original.
  const columnMinRow = new Int32Array(dim);
  v.fill(Infinity);
  for (let i = 0; i < dim; i++) {
    const base = i * dim;
    for (let j = 0; j < dim; j++) {
      const c = cost[base + j];
      if (c < v[j]) {
        v[j] = c;
        columnMinRow[j] = i;
      }
    }
  }
  const matches = new Int32Array(dim);
  for (let j = dim - 1; j >= 0; j--) {
    const i = columnMinRow[j];
    if (++matches[i] === 1) {
      rowSolution[i] = j;
      columnSolution[j] = i;
    }
  }

  // Reduction transfer from rows assigned exactly once; collect free rows.
  const free = new Int32Array(dim);
  let freeCount = 0;
  for (let i = 0; i < dim; i++) {
    if (matches[i] === 0) {
      free[freeCount++] = i;
    } else if (matches[i] === 1) {
      const j1 = rowSolution[i];
      const base = i * dim;
      let least = Infinity;
      for (let j = 0; j < dim; j++) {
        if (j === j1) continue;
        const h = cost[base + j] - v[j];
        if (h < least) least = h;
      }
      v[j1] -= least;
    }
  }

  // Augmenting row reduction, twice, bounded.
  let stepsLeft = REDUCTION_STEPS_PER_ROW * dim;
  for (let round = 0; round < 2 && stepsLeft > 0; round++) {
    let k = 0;
    const previousFree = freeCount;
    freeCount = 0;
    while (k < previousFree) {
      if (--stepsLeft < 0) {
        while (k < previousFree) free[freeCount++] = free[k++];
        break;
      }
      const i = free[k++];
      const base = i * dim;
      let uMin = cost[base] - v[0];
      let j1 = 0;
      let uSubMin = Infinity;
      let j2 = -1;
      for (let j = 1; j < dim; j++) {
        const h = cost[base + j] - v[j];
        if (h < uSubMin) {
          if (h >= uMin) {
            uSubMin = h;
            j2 = j;
          } else {
            uSubMin = uMin;
            uMin = h;
            j2 = j1;
            j1 = j;
          }
        }
      }
      let i0 = columnSolution[j1];
      const strict = uMin < uSubMin;
      if (strict) {
        v[j1] -= uSubMin - uMin;
      } else if (i0 > -1) {
        j1 = j2;
        i0 = columnSolution[j2];
      }
      rowSolution[i] = j1;
      columnSolution[j1] = i;
      if (i0 > -1) {
        if (strict) free[--k] = i0;
        else free[freeCount++] = i0;
      }
    }
  }

  // Shortest augmenting path for each remaining free row.
  const d = new Float64Array(dim);
  const pred = new Int32Array(dim);
  const columns = new Int32Array(dim);
  for (let f = 0; f < freeCount; f++) {
    const freeRow = free[f];
    const freeBase = freeRow * dim;
    for (let j = 0; j < dim; j++) {
      d[j] = cost[freeBase + j] - v[j];
      pred[j] = freeRow;
      columns[j] = j;
    }
    // columns[0, low) are scanned, [low, up) are at the current minimum distance, [up, dim) later.
    let low = 0;
    let up = 0;
    let last = 0;
    let min = 0;
    let endOfPath = -1;
    while (endOfPath < 0) {
      if (up === low) {
        last = low - 1;
        min = d[columns[up++]];
        for (let k = up; k < dim; k++) {
          const j = columns[k];
          const h = d[j];
          if (h <= min) {
            if (h < min) {
              up = low;
              min = h;
            }
            columns[k] = columns[up];
            columns[up++] = j;
          }
        }
        for (let k = low; k < up; k++) {
          if (columnSolution[columns[k]] < 0) {
            endOfPath = columns[k];
            break;
          }
        }
        if (endOfPath >= 0) break;
      }
      const j1 = columns[low++];
      const i = columnSolution[j1];
      const base = i * dim;
      const h = cost[base + j1] - v[j1] - min;
      for (let k = up; k < dim; k++) {
        const j = columns[k];
        let v2 = cost[base + j] - v[j] - h;
        if (v2 < d[j]) {
          if (v2 < min) v2 = min; // rounding: a reduced cost cannot be negative
          pred[j] = i;
          d[j] = v2;
          if (v2 === min) {
            if (columnSolution[j] < 0) {
              endOfPath = j;
              break;
            }
            columns[k] = columns[up];
            columns[up++] = j;
          }
        }
      }
    }
    for (let k = 0; k <= last; k++) {
      const j = columns[k];
      v[j] += d[j] - min;
    }
    for (;;) {
      const i = pred[endOfPath];
      columnSolution[endOfPath] = i;
      const j = endOfPath;
      endOfPath = rowSolution[i];
      rowSolution[i] = j;
      if (i === freeRow) break;
    }
  }

  for (let i = 0; i < dim; i++) u[i] = cost[i * dim + rowSolution[i]] - v[rowSolution[i]];
  return { rowSolution, u, v };
}
