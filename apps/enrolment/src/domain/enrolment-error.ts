/**
 * A broken enrolment rule. Each error describes itself as RFC 9457 problem details (the shape
 * the platform's filter looks for), so the domain needs no web framework to say how it fails.
 */
export abstract class EnrolmentError extends Error {
  abstract readonly status: number;
  abstract readonly slug: string;

  toProblem() {
    return { type: `https://cmp.dk/problems/enrolment/${this.slug}`, title: this.title, status: this.status, detail: this.message };
  }

  protected abstract get title(): string;
}

export class NotFoundError extends EnrolmentError {
  readonly status = 404;
  readonly slug = 'not-found';
  protected get title() {
    return 'Not found';
  }

  constructor(kind: string, id: string) {
    super(`${kind} ${id} does not exist`);
  }
}

/** The request is well-formed but the thing it asks for is not allowed in the current state. */
export class TransitionRefusedError extends EnrolmentError {
  readonly status = 409;
  readonly slug = 'transition-refused';
  protected get title() {
    return 'Not allowed in the current state';
  }
}

export class QuotaExhaustedError extends EnrolmentError {
  readonly status = 409;
  readonly slug = 'quota-exhausted';
  protected get title() {
    return 'No placements left';
  }
}

export class DuplicateApplicationError extends EnrolmentError {
  readonly status = 409;
  readonly slug = 'duplicate-application';
  protected get title() {
    return 'An active application exists for this email';
  }
}

export class ReferralUnusableError extends EnrolmentError {
  readonly status = 422;
  readonly slug = 'referral-unusable';
  protected get title() {
    return 'The referral code cannot be used';
  }
}

export class InvalidRequestError extends EnrolmentError {
  readonly status = 422;
  readonly slug = 'invalid-request';
  protected get title() {
    return 'The request breaks an enrolment rule';
  }
}
