/**
 * An indexed 4-ary min-heap of node numbers with decrease-key, ordered by the lexicographic key
 * `(units, value, node)`. Keys are stored next to the nodes (not looked up through the node), so a
 * comparison touches only the heap's own contiguous arrays. Equal keys fall back to the node
 * number, which makes every pop order — and so every solver built on it — deterministic.
 */
export class LexHeap {
  private readonly nodes: Int32Array;
  private readonly units: Int32Array;
  private readonly values: Float64Array;
  private readonly position: Int32Array;
  private size = 0;

  constructor(capacity: number) {
    this.nodes = new Int32Array(capacity);
    this.units = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** Units of the least key (the heap must not be empty). */
  get topUnits(): number {
    return this.units[0];
  }

  /** Value of the least key (the heap must not be empty). */
  get topValue(): number {
    return this.values[0];
  }

  /** Removes every node (O(size)). */
  clear(): void {
    for (let k = 0; k < this.size; k++) this.position[this.nodes[k]] = -1;
    this.size = 0;
  }

  /** Adds `node`, which must not be in the heap. */
  push(node: number, units: number, value: number): void {
    this.siftUp(this.size++, node, units, value);
  }

  /** Lowers the key of `node`, which must be in the heap. */
  decrease(node: number, units: number, value: number): void {
    this.siftUp(this.position[node], node, units, value);
  }

  /** Removes and returns the node with the least key. */
  pop(): number {
    const top = this.nodes[0];
    this.position[top] = -1;
    const last = --this.size;
    if (last > 0) this.siftDown(this.nodes[last], this.units[last], this.values[last]);
    return top;
  }

  private siftUp(at: number, node: number, units: number, value: number): void {
    const { nodes, position } = this;
    const unitsAt = this.units;
    const values = this.values;
    while (at > 0) {
      const parentAt = (at - 1) >> 2;
      const parentUnits = unitsAt[parentAt];
      const parentValue = values[parentAt];
      const parent = nodes[parentAt];
      if (units > parentUnits || (units === parentUnits && (value > parentValue || (value === parentValue && node > parent)))) break;
      nodes[at] = parent;
      unitsAt[at] = parentUnits;
      values[at] = parentValue;
      position[parent] = at;
      at = parentAt;
    }
    nodes[at] = node;
    unitsAt[at] = units;
    values[at] = value;
    position[node] = at;
  }

  /** Places (node, key) starting from the root, moving smaller children up. */
  private siftDown(node: number, units: number, value: number): void {
    const { nodes, position, size } = this;
    const unitsAt = this.units;
    const values = this.values;
    let at = 0;
    for (;;) {
      const first = 4 * at + 1;
      if (first >= size) break;
      let best = first;
      let bestUnits = unitsAt[first];
      let bestValue = values[first];
      let bestNode = nodes[first];
      const end = Math.min(first + 4, size);
      for (let child = first + 1; child < end; child++) {
        const childUnits = unitsAt[child];
        const childValue = values[child];
        if (childUnits < bestUnits || (childUnits === bestUnits && (childValue < bestValue || (childValue === bestValue && nodes[child] < bestNode)))) {
          best = child;
          bestUnits = childUnits;
          bestValue = childValue;
          bestNode = nodes[child];
        }
      }
      if (units < bestUnits || (units === bestUnits && (value < bestValue || (value === bestValue && node < bestNode)))) break;
      nodes[at] = bestNode;
      unitsAt[at] = bestUnits;
      values[at] = bestValue;
      position[bestNode] = at;
      at = best;
    }
    nodes[at] = node;
    unitsAt[at] = units;
    values[at] = value;
    position[node] = at;
  }
}
