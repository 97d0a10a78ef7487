/**
 * The rounding rule of every published percentage: **half-up to a whole percent**, computed in
 * integers so that binary floating point never decides a tie (16/28 = 57.14… → 57 %, 6/28 =
 * 21.43… → 21 %, 1/8 = 12.5 → 13 %). Shares are also given as exact ratios (four decimals) for
 * anyone who wants to recompute.
 */
export function percentHalfUp(numerator: number, denominator: number): number | null {
  assertCount(numerator, 'numerator');
  assertCount(denominator, 'denominator');
  if (denominator === 0) return null;
  return Math.floor((200 * numerator + denominator) / (2 * denominator));
}

export interface Share {
  readonly count: number;
  readonly of: number;
  /** count / of, four decimals; null when `of` is 0. */
  readonly ratio: number | null;
  /** Whole percent, half-up; null when `of` is 0. */
  readonly percent: number | null;
}

export function shareOf(count: number, of: number): Share {
  const percent = percentHalfUp(count, of);
  return { count, of, ratio: of === 0 ? null : roundTo(count / of, 4), percent };
}

/** The middle value; for an even number of values, the mean of the two middle ones. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function mean(values: readonly number[], decimals = 1): number | null {
  if (values.length === 0) return null;
  return roundTo(values.reduce((sum, value) => sum + value, 0) / values.length, decimals);
}

/**
 * Net Promoter Score of 0–10 answers: % promoters (9–10) minus % detractors (0–6), each share
 * taken half-up first so the score matches the percentages shown beside it.
 */
export function netPromoterScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  return (percentHalfUp(promoters, scores.length) ?? 0) - (percentHalfUp(detractors, scores.length) ?? 0);
}

/** Half-up rounding to `decimals` places, nudged by epsilon so 0.125 → 0.13 despite binary floats. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9) / factor;
}

function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number of people, not ${value}`);
}
