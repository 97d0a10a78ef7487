import { StallReason } from '@cmp/contracts';
import { addDays, copenhagenDateOf, daysBetween, copenhagenInstant } from '@cmp/kernel';

/** No session held by day 14 of the plan. */
export const KICK_OFF_DEADLINE_DAYS = 14;
/** No session held for this many days. */
export const INACTIVITY_DAYS = 21;

const DAY_MS = 86_400_000;

export interface StallVerdict {
  readonly reason: StallReason;
  readonly daysWithoutSession: number;
  readonly lastSessionOn?: string;
}

/**
 * Whether a pair looks stuck at `now`: no session held by day 14, or none for 21 days. Counted in
 * Copenhagen dates, so a check that fires just after midnight counts the new day.
 */
export function stallVerdict(startsOn: string, lastHeldAt: Date | null, now: Date): StallVerdict | null {
  const today = copenhagenDateOf(now);
  if (!lastHeldAt) {
    const days = daysBetween(startsOn, today);
    return days >= KICK_OFF_DEADLINE_DAYS ? { reason: 'no-kick-off', daysWithoutSession: Math.max(0, days) } : null;
  }
  const lastSessionOn = copenhagenDateOf(lastHeldAt);
  const days = daysBetween(lastSessionOn, today);
  return days >= INACTIVITY_DAYS ? { reason: 'inactive', daysWithoutSession: days, lastSessionOn } : null;
}

/**
 * When to look next: at the start of day 14 before any session is held, 21 days after the last
 * one otherwise, and 21 days on from a check that found the pair stuck, so a stuck pair is
 * nudged every three weeks rather than on every poll.
 */
export function nextStallCheck(startsOn: string, lastHeldAt: Date | null, now: Date): Date {
  const candidate = lastHeldAt ? new Date(lastHeldAt.getTime() + INACTIVITY_DAYS * DAY_MS) : copenhagenInstant(addDays(startsOn, KICK_OFF_DEADLINE_DAYS));
  return candidate.getTime() > now.getTime() ? candidate : new Date(now.getTime() + INACTIVITY_DAYS * DAY_MS);
}

