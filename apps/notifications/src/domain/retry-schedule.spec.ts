import { MAIL_RETRY_POLICY, nextAttemptAt, retryDelayMs, WEBHOOK_RETRY_POLICY } from './retry-schedule';

describe('retry schedule', () => {
  const t0 = new Date('2027-01-01T00:00:00Z');

  it('doubles the delay per failure and caps it', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(MAIL_RETRY_POLICY, n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(MAIL_RETRY_POLICY, 40)).toBe(3_600_000);
    expect(retryDelayMs(MAIL_RETRY_POLICY, 5000)).toBe(3_600_000);
  });

  it('gives mail up after its last attempt', () => {
    expect(nextAttemptAt(MAIL_RETRY_POLICY, 9, t0, t0)).toEqual(new Date(t0.getTime() + retryDelayMs(MAIL_RETRY_POLICY, 9)));
    expect(nextAttemptAt(MAIL_RETRY_POLICY, 10, t0, t0)).toBeNull();
  });

  it('keeps retrying a webhook for 24 hours after the first attempt, and no longer', () => {
    let now = t0;
    let failures = 0;
    for (;;) {
      failures += 1;
      const next = nextAttemptAt(WEBHOOK_RETRY_POLICY, failures, t0, now);
      if (next === null) break;
      now = next;
    }
    expect(now.getTime() - t0.getTime()).toBeLessThanOrEqual(24 * 3_600_000);
    expect(now.getTime() - t0.getTime()).toBeGreaterThan(23 * 3_600_000);
    expect(failures).toBeGreaterThan(20);
  });
});
