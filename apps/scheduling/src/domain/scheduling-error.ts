import { ServiceError } from '@cmp/kernel';

/**
 * A broken scheduling rule. Each error describes itself as RFC 9457 problem details through the
 * kernel's base class, so the domain needs no web framework to say how it fails.
 */
export abstract class SchedulingError extends ServiceError {
  protected constructor(slug: string, status: number, title: string, message: string, extensions?: Record<string, unknown>) {
    super('scheduling', slug, status, title, message, extensions);
  }
}

export class NotFoundError extends SchedulingError {
  constructor(kind: string, id: string) {
    super('not-found', 404, 'Not found', `${kind} ${id} does not exist`);
  }
}

/** The actor is known but may not see or touch this match. */
export class ForbiddenError extends SchedulingError {
  constructor(message: string) {
    super('forbidden', 403, 'Not your mentorship', message);
  }
}

/** The session is not in a state that allows the step. */
export class TransitionRefusedError extends SchedulingError {
  constructor(message: string) {
    super('transition-refused', 409, 'Not allowed in the current state', message);
  }
}

/** A proposed or agreed time collides with another session of the same person. */
export class OverlappingSessionError extends SchedulingError {
  constructor(who: string, otherSessionId: string, otherStartsAt: Date) {
    super(
      'overlapping-session',
      409,
      'The time overlaps another session',
      `the ${who} already has session ${otherSessionId} at ${otherStartsAt.toISOString()} that overlaps this time`,
      { conflictingSessionId: otherSessionId, party: who },
    );
  }
}

/** The request is well-formed but breaks a scheduling rule (a slot outside availability, in the past…). */
export class InvalidScheduleError extends SchedulingError {
  constructor(message: string, extensions?: Record<string, unknown>) {
    super('invalid-schedule', 422, 'The request breaks a scheduling rule', message, extensions);
  }
}
