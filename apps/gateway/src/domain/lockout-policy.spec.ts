import { afterFailure, FailureRecord, forgetAfter, LockoutPolicy, lockedForSeconds } from './lockout-policy';

const policy: LockoutPolicy = { threshold: 3, windowMs: 60_000, baseLockMs: 10_000, maxLockMs: 25_000 };
const at = (seconds: number) => new Date(Date.UTC(2027, 0, 1, 12, 0, seconds));

function fail(times: number, start: FailureRecord | undefined, now: Date): FailureRecord | undefined {
  let record = start;
  for (let i = 0; i < times; i++) record = afterFailure(record, now, policy);
  return record;
}

describe('lock-out policy', () => {
  it('does not lock below the threshold', () => {
    const record = fail(2, undefined, at(0));
    expect(record).toMatchObject({ failures: 2, lockedUntil: null });
    expect(lockedForSeconds(record, at(0))).toBe(0);
  });

  it('locks when the threshold is reached within the window', () => {
    const record = fail(3, undefined, at(0));
    expect(lockedForSeconds(record, at(0))).toBe(10);
    expect(lockedForSeconds(record, at(10))).toBe(0);
  });

  it('forgets failures that fall out of the window', () => {
    const record = afterFailure(fail(2, undefined, at(0)), at(59 + 60), policy);
    expect(record).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it('doubles each further lock-out up to the cap', () => {
    const first = fail(3, undefined, at(0));
    const second = fail(3, first, at(20));
    const third = fail(3, second, at(50));
    expect(lockedForSeconds(second, at(20))).toBe(20);
    expect(lockedForSeconds(third, at(50))).toBe(25);
    expect(third?.lockouts).toBe(3);
  });

  it('is forgotten one longest lock after its window closes, while it is not locked', () => {
    const counting = afterFailure(afterFailure(undefined, at(0), policy), at(0), policy);
    expect(forgetAfter(counting, policy)).toEqual(at(60 + 25));
  });

  it('is kept one longest lock past a lock that outlasts the window, so the next lock still doubles', () => {
    const locked = { failures: 0, windowStartedAt: at(0), lockedUntil: at(90), lockouts: 3 };
    expect(forgetAfter(locked, policy)).toEqual(at(90 + 25));
    const renewed = fail(3, locked, at(90 + 24));
    expect(lockedForSeconds(renewed, at(90 + 24))).toBe(25);
  });
});
