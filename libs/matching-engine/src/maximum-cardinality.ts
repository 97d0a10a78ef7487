import type { CsrGraph } from './indexed-problem';

/**
 * Size of a maximum matching that respects mentor capacities, using only edges scoring at least
 * `threshold`: Hopcroft–Karp generalised to capacities (a mentor is a single vertex with room for
 * `capacity` mentees; it ends an augmenting path while it has room, otherwise the path continues
 * through the mentees placed with it). Each phase builds BFS layers from all free mentees and then
 * augments along vertex-disjoint layered paths with an iterative DFS, so deep graphs cannot
 * overflow the stack. O(pairs · √mentees) phases-times-work, independent of scores.
 */
export function maximumCardinality(graph: CsrGraph, capacity: Int32Array, threshold = -Infinity): number {
  const n = graph.rowCount;
  const m = graph.columnCount;
  const { rowStart, column, score } = graph;

  const degree = new Int32Array(m);
  for (let e = 0; e < column.length; e++) if (score[e] >= threshold) degree[column[e]]++;
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j] + Math.min(capacity[j], degree[j]);
  const slotRow = new Int32Array(slotStart[m]);
  const load = new Int32Array(m);
  const mentorOf = new Int32Array(n).fill(-1);
  const slotOf = new Int32Array(n).fill(-1);
  let matched = 0;

  const place = (row: number, mentor: number, slot: number): void => {
    mentorOf[row] = mentor;
    slotOf[row] = slot;
    slotRow[slot] = row;
  };

  for (let i = 0; i < n; i++) {
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
      const j = column[e];
      if (score[e] >= threshold && load[j] < slotStart[j + 1] - slotStart[j]) {
        place(i, j, slotStart[j] + load[j]++);
        matched++;
        break;
      }
    }
  }

  const layer = new Int32Array(n);
  const queue = new Int32Array(n);
  const cursor = new Int32Array(n);
  const stack = new Int32Array(n);
  for (;;) {
    // BFS layers from the free mentees; stop expanding past the first layer that reaches room.
    layer.fill(-1);
    let head = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) {
      if (mentorOf[i] < 0 && rowStart[i] < rowStart[i + 1]) {
        layer[i] = 0;
        queue[tail++] = i;
      }
    }
    let foundLayer = -1;
    while (head < tail) {
      const row = queue[head++];
      if (foundLayer >= 0 && layer[row] >= foundLayer) break;
      for (let e = rowStart[row]; e < rowStart[row + 1]; e++) {
        const j = column[e];
        if (score[e] < threshold || j === mentorOf[row]) continue;
        if (load[j] < slotStart[j + 1] - slotStart[j]) {
          foundLayer = layer[row];
          continue;
        }
        for (let slot = slotStart[j]; slot < slotStart[j + 1]; slot++) {
          const next = slotRow[slot];
          if (layer[next] < 0) {
            layer[next] = layer[row] + 1;
            queue[tail++] = next;
          }
        }
      }
    }
    if (foundLayer < 0) return matched;

    // Vertex-disjoint augmenting paths along the layers (a used or exhausted mentee gets layer -1).
    for (let i = 0; i < n; i++) cursor[i] = rowStart[i];
    let augmented = 0;
    for (let free = 0; free < n; free++) {
      if (mentorOf[free] >= 0 || layer[free] !== 0) continue;
      let depth = 0;
      stack[depth++] = free;
      while (depth > 0) {
        const row = stack[depth - 1];
        if (cursor[row] >= rowStart[row + 1]) {
          layer[row] = -1;
          depth--;
          continue;
        }
        const e = cursor[row];
        const j = column[e];
        if (score[e] < threshold || j === mentorOf[row]) {
          cursor[row]++;
          continue;
        }
        if (load[j] < slotStart[j + 1] - slotStart[j]) {
          let targetMentor = j;
          let targetSlot = slotStart[j] + load[j]++;
          for (let k = depth - 1; k >= 0; k--) {
            const moving = stack[k];
            const previousMentor = mentorOf[moving];
            const previousSlot = slotOf[moving];
            place(moving, targetMentor, targetSlot);
            layer[moving] = -1;
            targetMentor = previousMentor;
            targetSlot = previousSlot;
          }
          augmented++;
          break;
        }
        let next = -1;
        for (let slot = slotStart[j]; slot < slotStart[j + 1]; slot++) {
          const candidate = slotRow[slot];
          if (layer[candidate] === layer[row] + 1) {
            next = candidate;
            break;
          }
        }
        if (next < 0) cursor[row]++;
        else stack[depth++] = next;
      }
    }
    if (augmented === 0) return matched;
    matched += augmented;
  }
}
