import fc from 'fast-check';
import { mean, median, netPromoterScore, percentHalfUp, roundTo, shareOf } from './kpi-arithmetic';

describe('KPI arithmetic', () => {
  it('rounds half-up to a whole percent: 16/28 reads 57 % and 6/28 reads 21 %', () => {
    expect(percentHalfUp(16, 28)).toBe(57);
    expect(percentHalfUp(6, 28)).toBe(21);
  });

  it('rounds an exact half up, where binary floating point would not decide it reliably', () => {
    expect(percentHalfUp(1, 8)).toBe(13); // 12.5 %
    expect(percentHalfUp(1, 200)).toBe(1); // 0.5 %
    expect(percentHalfUp(7, 8)).toBe(88); // 87.5 %
    expect(percentHalfUp(1, 3)).toBe(33);
    expect(percentHalfUp(2, 3)).toBe(67);
  });

  it('has no percentage of nobody', () => {
    expect(percentHalfUp(0, 0)).toBeNull();
    expect(shareOf(0, 0)).toEqual({ count: 0, of: 0, ratio: null, percent: null });
  });

  it('refuses fractional or negative counts of people', () => {
    expect(() => percentHalfUp(1.5, 3)).toThrow(RangeError);
    expect(() => percentHalfUp(-1, 3)).toThrow(RangeError);
  });

  it('is never more than half a percent from the exact share, and ties go up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (denominator, raw) => {
        const numerator = raw % (denominator + 1);
        const percent = percentHalfUp(numerator, denominator) ?? Number.NaN;
        const exact = (100 * numerator) / denominator;
        expect(Number.isInteger(percent)).toBe(true);
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(percent).toBeLessThanOrEqual(100);
        // Integer comparison of 100n/d against percent ± 0.5, free of float error.
        expect(200 * numerator).toBeGreaterThanOrEqual((2 * percent - 1) * denominator);
        expect(200 * numerator).toBeLessThan((2 * percent + 1) * denominator);
        expect(Math.abs(percent - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
      }),
    );
  });

  it('never lowers the percentage when more people are counted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 499 }), (denominator, raw) => {
        const numerator = raw % denominator;
        expect(percentHalfUp(numerator + 1, denominator)).toBeGreaterThanOrEqual(percentHalfUp(numerator, denominator) ?? Number.NaN);
      }),
    );
  });

  it('gives ratios with four decimals beside the percentage', () => {
    expect(shareOf(16, 28)).toEqual({ count: 16, of: 28, ratio: 0.5714, percent: 57 });
  });

  it('takes the median of the middle values and the mean to one decimal', () => {
    expect(median([])).toBeNull();
    expect(median([30])).toBe(30);
    expect(median([90, 10, 40])).toBe(40);
    expect(median([10, 40, 20, 90])).toBe(30);
    expect(mean([])).toBeNull();
    expect(mean([4, 5, 5])).toBe(4.7);
    expect(roundTo(0.125, 2)).toBe(0.13);
  });

  it('scores recommendations as promoters minus detractors', () => {
    expect(netPromoterScore([])).toBeNull();
    expect(netPromoterScore([10, 9, 8, 7, 6, 0])).toBe(33 - 33);
    expect(netPromoterScore([10, 10, 9, 3])).toBe(75 - 25);
  });
});
