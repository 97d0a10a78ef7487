/**
 * A broken scheduling rule. Each error describes itself as RFC 9457 problem details (the shape
 * the platform's filter looks for), so the domain needs no web framework to say how it fails.
 */
export abstract class SchedulingError extends Error {
  protected constructor(
    message: string,
    readonly status: number,
    readonly slug: string,
    private readonly title: string,
    private readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }

  toProblem() {
    return { type: `https://cmp.dk/problems/scheduling/${this.slug}`, title: this.title, status: this.status, detail: this.message, extensions: this.extensions };
  }
}

export class NotFoundError extends SchedulingError {
  constructor(kind: string, id: string) {
    super(`${kind} ${id} does not exist`, 404, 'not-found', 'Not found');
  }
}

/** The actor is known but may not see or touch this match. */
export class ForbiddenError extends SchedulingError {
  constructor(message: string) {
    super(message, 403, 'forbidden', 'Not your mentorship');
  }
}

/** The session is not in a state that allows the step. */
export class TransitionRefusedError extends SchedulingError {
  constructor(message: string) {
    super(message, 409, 'transition-refused', 'Not allowed in the current state');
  }
}

/** A proposed or agreed time collides with another session of the same person. */
export class OverlappingSessionError extends SchedulingError {
  constructor(who: string, otherSessionId: string, otherStartsAt: Date) {
    super(
      `the ${who} already has session ${otherSessionId} at ${otherStartsAt.toISOString()} that overlaps this time`,
      409,
      'overlapping-session',
      'The time overlaps another session',
      { conflictingSessionId: otherSessionId, party: who },
    );
  }
}

/** The request is well-formed but breaks a scheduling rule (a slot outside availability, in the past…). */
export class InvalidScheduleError extends SchedulingError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, 422, 'invalid-schedule', 'The request breaks a scheduling rule', extensions);
  }
}
