import type { CsrGraph } from './indexed-problem';
import { LexHeap } from './lex-heap';
import { UNMATCHED, type MatchingSolution } from './matching-solution';

/**
 * The general solver: successive shortest augmenting paths, one mentee at a time, with Johnson
 * potentials and Dijkstra over the sparse bipartite graph.
 *
 * ## The flow network
 * `s → mentee i` (capacity 1), `mentee i → mentor j` for each eligible pair (capacity 1, cost
 * `(0, −score)`), `mentor j → t` (capacity `capacity_j`, cost 0: a mentor is one node whose
 * capacity is the capacity of this arc, not a set of copies), and for each mentee a private
 * "stay unmatched" route `i → d_i → t` (capacity 1, cost `(1, 0)`). Costs live in ℤ × ℝ ordered
 * lexicographically, so one unmatched mentee costs more than any amount of score: a min-cost flow
 * that routes one unit from every mentee minimises `(#unmatched, −total score)`, i.e. it matches
 * as many mentees as possible and, among those assignments, has the highest total score. Every
 * cost is an exact pair — no big-M constant is added to the scores, so nothing is lost to rounding.
 *
 * ## Why it is optimal
 * Invariant: potentials `h` make the reduced cost `c(u,v) + h(u) − h(v)` of every residual arc
 * non-negative, except arcs leaving `s` (they are re-priced for each search, and none is left once
 * every mentee is routed), with every matched pair tight. Each step routes one pending mentee
 * along a cheapest path to `t` in the residual graph (Dijkstra on reduced costs); the potential
 * update below makes every arc of that path tight, so reversing them keeps the invariant. When
 * every mentee is routed no arc leaves `s`, so every residual cycle has non-negative cost — the
 * optimality condition of min-cost flow — and the flow minimises `(#unmatched, −total score)`.
 * The proof rests on the invariant, not on the order of routing, which is why the greedy start and
 * the row reduction (which keep it) may place mentees in any order. A cheapest path ends either at
 * a mentor with room (one more mentee matched; everyone on the path moves one mentor along) or at
 * some mentee's `d` node (that mentee ends unmatched — possibly the new one — and the others
 * shift): the first is always cheaper in ℤ × ℝ when it exists, so an exchange that unmatches
 * someone is made only when nobody more can be matched, and then it is the exchange that loses
 * the least score.
 *
 * ## Potentials
 * Dijkstra needs non-negative arc costs, so it runs on reduced costs `c(u,v) + h(u) − h(v) ≥ 0`
 * with potentials `h` in ℤ × ℝ. Start: `h(mentee) = (0, its best score)`, `h(mentor) = h(t) = 0`,
 * which makes every arc non-negative. After a search that reaches `t` at distance `D`, every
 * settled node gets `h += dist − D` and every other node keeps `h` (the Jonker–Volgenant partial
 * update): arcs between settled nodes stay non-negative by the triangle inequality, arcs leaving
 * the settled set gain `D − dist(u) ≥ 0` because their head was not settled before `D`, arcs
 * entering it only grow, and the augmented path has reduced cost 0, so its reversed arcs are
 * non-negative too. Consequences used below: a mentor with room is settled only as the end of a
 * search, at distance `D`, so its potential stays `h(t) = 0` (the distance to `t` through it is its
 * own distance); every other mentor has `h ≤ 0`; `h(t)` never changes; a matched mentee is reached
 * only through its mentor at the same distance, so matched pairs stay tight; and a mentee that ends
 * unmatched is never reached again, with `h = (−1, 0)`. The final `h` is therefore an LP dual:
 * `u_i = h(i) + (1, 0)`, `v_j = −h(j)` satisfy `u, v ≥ 0`, `u_i + v_j ≥ (1, s_ij)` on every pair,
 * with equality on matched pairs, `u_i = 0` for unmatched mentees and `v_j = 0` for mentors with
 * room — the certificate `verifyOptimality` checks.
 *
 * ## Lazy relaxation
 * Edges are stored best score first. Since `h(j) ≤ h(t)` for every mentor, the reduced cost of
 * `i → j` is at least `h(i) − h(t) − s_ij`, which grows along mentee i's edge list. So a settled
 * mentee relaxes its edges only while that lower bound does not exceed the smallest key in the
 * heap, and otherwise parks a "continuation" entry keyed by the bound of its next edge; the rest
 * of its list is relaxed only if the search gets that far. Dijkstra stays exact (a node is popped
 * only after every edge that could give it a smaller key was relaxed), and most edges — usually
 * well over 90% — are never touched.
 *
 * ## Cost
 * A greedy start places each mentee on its best mentor while that mentor has room (a zero-cost
 * augmenting path, so the invariant holds); Jonker–Volgenant's augmenting row reduction (see
 * `reduceRows`) then settles most of the rest by bidding for capacity-1 mentors, which also makes
 * the potentials reflect the competition; the mentees still pending each pay one Dijkstra that
 * stops at the first mentor with room. Both phases only need the invariant below — non-negative
 * reduced costs on every residual arc, matched pairs tight, mentors with room at `h = 0` — not
 * the order in which mentees were placed, so the final optimality argument is unchanged.
 * Memory is O(mentees + mentors + pairs) in typed arrays.
 *
 * ## Determinism
 * Mentees are routed in rank order; edges are in (score desc, mentor rank) order; the heap breaks
 * equal keys by node number; equal tentative distances keep the first predecessor found; equal
 * "stay unmatched" candidates keep the first one popped. Ranks come from sorted ids, so the same
 * problem in any input order gives the same assignment.
 *
 * ## Floating point
 * Integer scores (with all sums below 2^53) are exact. Fractional scores carry the usual rounding
 * of sums; a reduced cost that rounds below zero is treated as zero so Dijkstra stays monotone,
 * which costs at most a few ulps of optimality.
 */
export function solveByShortestAugmentingPaths(graph: CsrGraph, capacity: Int32Array): MatchingSolution {
  return new AugmentingPathSolver(graph, capacity).solve();
}

/** Bound on augmenting-row-reduction steps per initially pending mentee. */
const REDUCTION_STEPS_PER_MENTEE = 256;

class AugmentingPathSolver {
  private readonly n: number;
  private readonly m: number;
  private readonly rowStart: Int32Array;
  private readonly column: Int32Array;
  private readonly score: Float64Array;
  private readonly capacity: Int32Array;

  /** Mentees placed with mentor j: slotRow[slotStart[j] .. slotStart[j] + load[j]). */
  private readonly slotStart: Int32Array;
  private readonly slotRow: Int32Array;
  private readonly load: Int32Array;
  private readonly mentorOf: Int32Array;
  private readonly edgeOf: Int32Array;
  private readonly slotOf: Int32Array;

  /** Potentials: mentee i is node i, mentor j is node n + j; h(t) = 0. */
  private readonly hUnits: Int32Array;
  private readonly hValue: Float64Array;

  /** Keys: nodes as above, plus the continuation of mentee i as node n + m + i. */
  private readonly distUnits: Int32Array;
  private readonly distValue: Float64Array;
  private readonly reached: Int32Array;
  private readonly settled: Int32Array;
  private readonly settledList: Int32Array;
  private readonly cursor: Int32Array;
  private readonly heap: LexHeap;
  private stamp = 0;
  /** Best "stay unmatched" route of the current search: the mentee and its distance to t. */
  private dropRow = -1;
  private dropUnits = 0;
  private dropValue = 0;
  /** Search tree: the mentee before mentor j on the path, and the edge used. */
  private readonly treeRow: Int32Array;
  private readonly treeEdge: Int32Array;

  constructor(graph: CsrGraph, capacity: Int32Array) {
    const n = (this.n = graph.rowCount);
    const m = (this.m = graph.columnCount);
    this.rowStart = graph.rowStart;
    this.column = graph.column;
    this.score = graph.score;
    this.capacity = capacity;

    // A mentor never needs more slots than it has eligible mentees.
    const degree = new Int32Array(m);
    for (let e = 0; e < this.column.length; e++) degree[this.column[e]]++;
    const slotStart = (this.slotStart = new Int32Array(m + 1));
    for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j] + Math.min(capacity[j], degree[j]);
    this.slotRow = new Int32Array(slotStart[m]);
    this.load = new Int32Array(m);
    this.mentorOf = new Int32Array(n).fill(UNMATCHED);
    this.edgeOf = new Int32Array(n).fill(-1);
    this.slotOf = new Int32Array(n).fill(-1);

    this.hUnits = new Int32Array(n + m);
    this.hValue = new Float64Array(n + m);
    const keys = 2 * n + m;
    this.distUnits = new Int32Array(keys);
    this.distValue = new Float64Array(keys);
    this.reached = new Int32Array(n + m);
    this.settled = new Int32Array(n + m);
    this.settledList = new Int32Array(n + m);
    this.cursor = new Int32Array(n);
    this.heap = new LexHeap(keys);
    this.treeRow = new Int32Array(m);
    this.treeEdge = new Int32Array(m);
  }

  solve(): MatchingSolution {
    const { n, rowStart, column, slotStart, load } = this;
    const pending: number[] = [];
    for (let i = 0; i < n; i++) {
      if (rowStart[i] === rowStart[i + 1]) {
        this.hUnits[i] = -1; // never matchable: u_i = 0
        continue;
      }
      const best = rowStart[i]; // edges are sorted best first
      this.hValue[i] = this.score[best];
      const j = column[best];
      if (load[j] < slotStart[j + 1] - slotStart[j]) this.place(i, j, best, slotStart[j] + load[j]++);
      else pending.push(i);
    }
    for (const i of this.reduceRows(pending)) this.route(i);
    return this.solution();
  }

  /**
   * Jonker–Volgenant's augmenting row reduction, an auction without ε, on the pending mentees:
   * mentee i looks for its best and second-best value `s_ij + h(j)`; if the best mentor has room
   * it takes it; if the best mentor is full with capacity 1, i takes it and the mentor's potential
   * drops by the difference (so i is indifferent between its two best), and the previous mentee
   * is evicted and bids next. Every step keeps the invariants of the searches (all reduced costs
   * non-negative, matched pairs tight, mentors with room at h = 0, potentials of full mentors only
   * falling), so the searches that follow stay exact; the bidding only makes the potentials
   * reflect the competition for popular mentors, which is what makes the later searches short.
   * Mentors of capacity above 1 never change potential here (that would untighten their other
   * mentees), nor does a mentor bid for by a mentee with no second choice; such mentees are left
   * to the searches. Bounded to `REDUCTION_STEPS_PER_MENTEE` steps per mentee (long price wars
   * with tiny increments are cheaper for the searches); returns the mentees still pending.
   */
  private reduceRows(pending: number[]): number[] {
    const { rowStart, column, score, slotStart, load, slotRow, hValue, n } = this;
    let stepsLeft = REDUCTION_STEPS_PER_MENTEE * pending.length;
    let queue = pending;
    for (let round = 0; round < 2 && stepsLeft > 0; round++) {
      const next: number[] = [];
      const stack: number[] = []; // evicted mentees bid before the rest of the queue
      let k = 0;
      while (stepsLeft > 0 && (stack.length > 0 || k < queue.length)) {
        const i = stack.length > 0 ? (stack.pop() as number) : queue[k++];
        stepsLeft--;
        let bestEdge = -1;
        let bestValue = -Infinity;
        let secondEdge = -1;
        let secondValue = -Infinity;
        for (let e = rowStart[i], to = rowStart[i + 1]; e < to; e++) {
          const edgeScore = score[e];
          if (edgeScore <= secondValue) break; // h(j) ≤ 0: no later edge beats the second best
          const value = edgeScore + hValue[n + column[e]];
          if (value > bestValue) {
            secondEdge = bestEdge;
            secondValue = bestValue;
            bestEdge = e;
            bestValue = value;
          } else if (value > secondValue) {
            secondEdge = e;
            secondValue = value;
          }
        }
        let j = column[bestEdge];
        let edge = bestEdge;
        const slots = slotStart[j + 1] - slotStart[j];
        if (load[j] < slots) {
          hValue[i] = bestValue;
          this.place(i, j, edge, slotStart[j] + load[j]++);
          continue;
        }
        if (this.capacity[j] !== 1 || secondEdge < 0) {
          // Only a mentor of capacity 1 can be bid up, and only against a second choice.
          next.push(i);
          continue;
        }
        if (bestValue > secondValue) {
          // Raise j's price so that i is indifferent between j and its second best.
          hValue[n + j] -= bestValue - secondValue;
          hValue[i] = score[edge] + hValue[n + j];
          const evicted = slotRow[slotStart[j]];
          this.evict(evicted);
          this.place(i, j, edge, slotStart[j]);
          stack.push(evicted);
          continue;
        }
        // A tie: take the second best if it has room, else displace without progress.
        const other = column[secondEdge];
        if (load[other] < slotStart[other + 1] - slotStart[other]) {
          j = other;
          edge = secondEdge;
          hValue[i] = secondValue;
          this.place(i, j, edge, slotStart[j] + load[j]++);
          continue;
        }
        hValue[i] = bestValue;
        const evicted = slotRow[slotStart[j]];
        this.evict(evicted);
        this.place(i, j, edge, slotStart[j]);
        next.push(evicted);
      }
      while (stack.length > 0) next.push(stack.pop() as number);
      while (k < queue.length) next.push(queue[k++]);
      queue = next;
    }
    return queue.sort((a, b) => a - b);
  }

  private evict(row: number): void {
    this.mentorOf[row] = UNMATCHED;
    this.edgeOf[row] = -1;
    this.slotOf[row] = -1;
  }

  private place(row: number, mentor: number, edge: number, slot: number): void {
    this.mentorOf[row] = mentor;
    this.edgeOf[row] = edge;
    this.slotOf[row] = slot;
    this.slotRow[slot] = row;
  }

  /** Routes mentee `start` along a cheapest path to t (Dijkstra with lazy relaxation). */
  private route(start: number): void {
    const { n, m, slotStart, slotRow, load, edgeOf, score, hUnits, hValue, distUnits, distValue } = this;
    const { reached, settled, settledList, heap, treeRow, treeEdge } = this;
    const continuation = n + m;
    const stamp = ++this.stamp;
    let settledCount = 0;
    this.dropRow = -1;
    distUnits[start] = 0;
    distValue[start] = 0;
    reached[start] = stamp;
    heap.push(start, 0, 0);
    let endMentor = -1;

    search: while (!heap.isEmpty) {
      const node = heap.pop();
      const nodeUnits = distUnits[node];
      const nodeValue = distValue[node];
      if (this.dropBeats(nodeUnits, nodeValue)) break;
      if (node >= continuation) {
        this.relaxEdges(node - continuation, stamp);
        continue;
      }
      settled[node] = stamp;
      settledList[settledCount++] = node;
      if (node < n) {
        this.settleRow(node, stamp);
        continue;
      }

      const j = node - n;
      if (load[j] < slotStart[j + 1] - slotStart[j]) {
        endMentor = j;
        break;
      }
      // The mentees placed with j: each is reached only from j. A tight pair (the usual case)
      // puts the mentee at j's own distance, the current minimum, so it is settled right away
      // instead of taking a trip through the heap.
      const baseUnits = nodeUnits + hUnits[node];
      const baseValue = nodeValue + hValue[node];
      for (let slot = slotStart[j], to = slotStart[j + 1]; slot < to; slot++) {
        const row = slotRow[slot];
        const units = baseUnits - hUnits[row];
        let value = baseValue + score[edgeOf[row]] - hValue[row];
        if (units === nodeUnits && value < nodeValue) value = nodeValue;
        reached[row] = stamp;
        distUnits[row] = units;
        distValue[row] = value;
        if (units === nodeUnits && value === nodeValue) {
          if (this.dropBeats(units, value)) break search;
          settled[row] = stamp;
          settledList[settledCount++] = row;
          this.settleRow(row, stamp);
        } else {
          heap.push(row, units, value);
        }
      }
    }
    heap.clear();

    const dropRow = this.dropRow;
    const endUnits = endMentor >= 0 ? distUnits[n + endMentor] : this.dropUnits;
    const endValue = endMentor >= 0 ? distValue[n + endMentor] : this.dropValue;
    for (let k = 0; k < settledCount; k++) {
      const node = settledList[k];
      hUnits[node] += distUnits[node] - endUnits;
      hValue[node] += distValue[node] - endValue;
    }

    // Walk the path back from its end, moving each mentee on it one mentor along.
    let j: number;
    let slot: number;
    if (endMentor >= 0) {
      j = endMentor;
      slot = slotStart[j] + load[j]++;
    } else {
      // The dropped mentee's route to t is tight: pin u = 0 exactly instead of a rounded sum.
      hUnits[dropRow] = -1;
      hValue[dropRow] = 0;
      if (dropRow === start) return;
      j = this.mentorOf[dropRow];
      slot = this.slotOf[dropRow];
      this.mentorOf[dropRow] = UNMATCHED;
      this.edgeOf[dropRow] = -1;
      this.slotOf[dropRow] = -1;
    }
    for (;;) {
      const row = treeRow[j];
      const previousMentor = this.mentorOf[row];
      const previousSlot = this.slotOf[row];
      this.place(row, j, treeEdge[j], slot);
      if (row === start) break;
      j = previousMentor;
      slot = previousSlot;
    }
  }

  /** True when the best "stay unmatched" route is no longer beaten by a path at key (units, value). */
  private dropBeats(units: number, value: number): boolean {
    return this.dropRow >= 0 && (this.dropUnits < units || (this.dropUnits === units && this.dropValue <= value));
  }

  /** A mentee was settled: its own "stay unmatched" route is a candidate, then its edges. */
  private settleRow(row: number, stamp: number): void {
    const units = this.distUnits[row] + this.hUnits[row] + 1;
    const value = this.distValue[row] + this.hValue[row];
    if (this.dropRow < 0 || units < this.dropUnits || (units === this.dropUnits && value < this.dropValue)) {
      this.dropRow = row;
      this.dropUnits = units;
      this.dropValue = value;
    }
    this.cursor[row] = this.rowStart[row];
    this.relaxEdges(row, stamp);
  }

  /**
   * Relaxes the edges of settled mentee `row` from its cursor on, while their lower bound
   * `dist(row) + h(row) − s` is not above the least key in the heap; parks a continuation for the
   * rest.
   */
  private relaxEdges(row: number, stamp: number): void {
    const { n, m, column, score, edgeOf, hUnits, hValue, distUnits, distValue, reached, settled, heap, treeRow, treeEdge } = this;
    const rowUnits = distUnits[row];
    const rowValue = distValue[row];
    const baseUnits = rowUnits + hUnits[row];
    const baseValue = rowValue + hValue[row];
    const own = edgeOf[row];
    const to = this.rowStart[row + 1];
    let e = this.cursor[row];
    while (e < to) {
      if (e !== own) {
        const next = n + column[e];
        if (settled[next] !== stamp) {
          const units = baseUnits - hUnits[next];
          let value = baseValue - score[e] - hValue[next];
          if (units === rowUnits && value < rowValue) value = rowValue;
          if (reached[next] !== stamp) {
            reached[next] = stamp;
            distUnits[next] = units;
            distValue[next] = value;
            treeRow[next - n] = row;
            treeEdge[next - n] = e;
            heap.push(next, units, value);
          } else if (units < distUnits[next] || (units === distUnits[next] && value < distValue[next])) {
            distUnits[next] = units;
            distValue[next] = value;
            treeRow[next - n] = row;
            treeEdge[next - n] = e;
            heap.decrease(next, units, value);
          }
        }
      }
      e++;
      if (e >= to) break;
      // Lower bound of the next edge's key (h(mentor) ≤ h(t) = 0 for every mentor).
      const boundValue = baseValue - score[e];
      if (!heap.isEmpty && (baseUnits > heap.topUnits || (baseUnits === heap.topUnits && boundValue > heap.topValue))) {
        const parked = n + m + row;
        distUnits[parked] = baseUnits;
        distValue[parked] = boundValue;
        heap.push(parked, baseUnits, boundValue);
        break;
      }
    }
    this.cursor[row] = e;
  }

  private solution(): MatchingSolution {
    const { n, m, hUnits, hValue } = this;
    const scoreOf = new Float64Array(n);
    const menteeUnits = new Int32Array(n);
    const menteeValue = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (this.mentorOf[i] === UNMATCHED) continue; // u = 0
      scoreOf[i] = this.score[this.edgeOf[i]];
      menteeUnits[i] = hUnits[i] + 1;
      menteeValue[i] = hValue[i];
    }
    const mentorUnits = new Int32Array(m);
    const mentorValue = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      mentorUnits[j] = -hUnits[n + j];
      mentorValue[j] = hValue[n + j] === 0 ? 0 : -hValue[n + j];
    }
    return { mentorOf: this.mentorOf, scoreOf, duals: { menteeUnits, menteeValue, mentorUnits, mentorValue } };
  }
}
