import { TransitionRefusedError, InvalidRequestError } from './enrolment-error';

export const MENTOR_STATUSES = ['active', 'paused', 'withdrawn'] as const;
export type MentorStatus = (typeof MENTOR_STATUSES)[number];

export function pauseMentor(status: MentorStatus): MentorStatus {
  if (status !== 'active') throw new TransitionRefusedError(`a ${status} mentor cannot pause`);
  return 'paused';
}

export function resumeMentor(status: MentorStatus): MentorStatus {
  if (status !== 'paused') throw new TransitionRefusedError(`a ${status} mentor cannot resume`);
  return 'active';
}

export function withdrawMentor(status: MentorStatus): MentorStatus {
  if (status === 'withdrawn') throw new TransitionRefusedError('the mentor has already withdrawn');
  return 'withdrawn';
}

export function assertMentorEditable(status: MentorStatus): void {
  if (status === 'withdrawn') throw new TransitionRefusedError('a withdrawn mentor cannot be changed');
}

export const MIN_MENTOR_CAPACITY = 1;
export const MAX_MENTOR_CAPACITY = 3;

export function assertCapacity(capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < MIN_MENTOR_CAPACITY || capacity > MAX_MENTOR_CAPACITY) {
    throw new InvalidRequestError(`a mentor takes ${MIN_MENTOR_CAPACITY}–${MAX_MENTOR_CAPACITY} mentees at a time`);
  }
}

/** Weekly windows must be real intervals and must not overlap on the same day. */
export function assertAvailability(windows: readonly { day: string; start: string; end: string }[]): void {
  const byDay = new Map<string, { start: string; end: string }[]>();
  for (const window of windows) {
    if (window.end <= window.start) throw new InvalidRequestError(`availability on ${window.day} must end after it starts`);
    const day = byDay.get(window.day) ?? [];
    if (day.some((other) => window.start < other.end && other.start < window.end)) {
      throw new InvalidRequestError(`availability windows on ${window.day} overlap`);
    }
    day.push(window);
    byDay.set(window.day, day);
  }
}
