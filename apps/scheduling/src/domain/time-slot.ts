/** A span of time in UTC instants; the end is exclusive, so back-to-back sessions do not overlap. */
export interface TimeSlot {
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export const MIN_SESSION_MINUTES = 15;
export const MAX_SESSION_MINUTES = 240;

export function overlaps(a: TimeSlot, b: TimeSlot): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** Why a slot cannot be a session, or `null` when it can. */
export function slotProblem(slot: TimeSlot, now: Date): string | null {
  const minutes = (slot.endsAt.getTime() - slot.startsAt.getTime()) / 60_000;
  if (!(minutes > 0)) return 'a slot must end after it starts';
  if (minutes < MIN_SESSION_MINUTES) return `a session lasts at least ${MIN_SESSION_MINUTES} minutes`;
  if (minutes > MAX_SESSION_MINUTES) return `a session lasts at most ${MAX_SESSION_MINUTES / 60} hours`;
  if (slot.startsAt.getTime() <= now.getTime()) return 'a slot must be in the future';
  return null;
}

/** The first of `others` that overlaps `slot`, if any. */
export function firstOverlap<T extends TimeSlot>(slot: TimeSlot, others: readonly T[]): T | undefined {
  return others.find((other) => overlaps(slot, other));
}
