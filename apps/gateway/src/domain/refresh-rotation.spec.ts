import { judgeRefresh, successorExpiry } from './refresh-rotation';

const now = new Date('2027-01-01T12:00:00Z');
const later = new Date('2027-01-02T12:00:00Z');
const earlier = new Date('2026-12-31T12:00:00Z');

describe('refresh token rotation', () => {
  const session = { expiresAt: later, revokedAt: null };

  it('rotates a live, unspent token of a live session', () => {
    expect(judgeRefresh({ expiresAt: later, replacedAt: null }, session, now)).toBe('rotate');
  });

  it('treats a spent token presented again as theft', () => {
    expect(judgeRefresh({ expiresAt: later, replacedAt: earlier }, session, now)).toBe('reuse-detected');
  });

  it('refuses tokens of a signed-out session before anything else', () => {
    expect(judgeRefresh({ expiresAt: later, replacedAt: earlier }, { expiresAt: later, revokedAt: earlier }, now)).toBe('session-ended');
  });

  it('refuses an expired token or session, and an unknown token', () => {
    expect(judgeRefresh({ expiresAt: earlier, replacedAt: null }, session, now)).toBe('expired');
    expect(judgeRefresh({ expiresAt: later, replacedAt: null }, { expiresAt: now, revokedAt: null }, now)).toBe('expired');
    expect(judgeRefresh(undefined, undefined, now)).toBe('unknown');
  });

  it('never lets a successor outlive its session', () => {
    expect(successorExpiry(now, 7 * 86_400_000, session)).toEqual(later);
    expect(successorExpiry(now, 3_600_000, session)).toEqual(new Date('2027-01-01T13:00:00Z'));
  });
});
