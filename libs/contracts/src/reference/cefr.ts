/**
 * The six CEFR levels (Common European Framework of Reference for Languages), lowest first.
 * A first language is not a CEFR level and has no place here: a profile says so in a field of
 * its own rather than as a seventh level.
 */
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

export type CefrLevel = (typeof CEFR_LEVELS)[number];

/** Whether `level` is one of the six CEFR levels, written in upper case (`B2`, not `b2`). */
export function isCefrLevel(level: unknown): level is CefrLevel {
  return typeof level === 'string' && (CEFR_LEVELS as readonly string[]).includes(level);
}

/** A level's place in the scale: A1 = 1 … C2 = 6. */
export function cefrRank(level: CefrLevel): number {
  const index = CEFR_LEVELS.indexOf(level);
  if (index < 0) {
    throw new RangeError(`"${level}" is not a CEFR level`);
  }
  return index + 1;
}

/** Whether `level` meets `min`: `cefrAtLeast('B2', 'B1')` is true, `cefrAtLeast('A2', 'B1')` false. */
export function cefrAtLeast(level: CefrLevel, min: CefrLevel): boolean {
  return cefrRank(level) >= cefrRank(min);
}
