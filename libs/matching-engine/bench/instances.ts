import type { AssignmentProblem, EligiblePair } from '../src/assignment-problem';

/** mulberry32: a tiny seeded PRNG, so every solver gets the very same instance. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const menteeId = (i: number): string => `mentee-${String(i).padStart(6, '0')}`;
const mentorId = (j: number): string => `mentor-${String(j).padStart(6, '0')}`;

/** A `size × size` row-major score matrix, uniform in [0, 100) with full double precision (so few exact ties). */
export function denseScores(size: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const scores = new Float64Array(size * size);
  for (let cell = 0; cell < scores.length; cell++) scores[cell] = random() * 100;
  return scores;
}

/** {@link denseScores} as an assignment problem: every pair eligible, every capacity 1, mentee by mentee. */
export function denseInstance(size: number, seed: number): { problem: AssignmentProblem; scores: Float64Array } {
  const scores = denseScores(size, seed);
  const mentees = Array.from({ length: size }, (_, i) => ({ id: menteeId(i) }));
  const mentors = Array.from({ length: size }, (_, j) => ({ id: mentorId(j), capacity: 1 }));
  const pairs: EligiblePair[] = new Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) pairs[i * size + j] = { menteeId: mentees[i].id, mentorId: mentors[j].id, score: scores[i * size + j] };
  }
  return { problem: { mentees, mentors, pairs }, scores };
}

/** Each mentee is eligible for `degree` distinct mentors drawn uniformly; scores uniform in [0, 100). */
export function sparseInstance(menteeCount: number, mentorCount: number, capacity: number, degree: number, seed: number): AssignmentProblem {
  const random = seededRandom(seed);
  const mentees = Array.from({ length: menteeCount }, (_, i) => ({ id: menteeId(i) }));
  const mentors = Array.from({ length: mentorCount }, (_, j) => ({ id: mentorId(j), capacity }));
  const pairs: EligiblePair[] = new Array(menteeCount * degree);
  const pool = Int32Array.from({ length: mentorCount }, (_, j) => j);
  let at = 0;
  for (let i = 0; i < menteeCount; i++) {
    // Partial Fisher–Yates: the first `degree` entries of `pool` become a uniform sample.
    for (let k = 0; k < degree; k++) {
      const pick = k + Math.floor(random() * (mentorCount - k));
      const j = pool[pick];
      pool[pick] = pool[k];
      pool[k] = j;
      pairs[at++] = { menteeId: mentees[i].id, mentorId: mentors[j].id, score: random() * 100 };
    }
  }
  return { mentees, mentors, pairs };
}
