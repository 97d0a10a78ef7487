import { ServiceError } from '@cmp/kernel';

/**
 * A broken enrolment rule. Each error describes itself as RFC 9457 problem details (the shape
 * the platform's filter looks for), so the domain needs no web framework to say how it fails.
 */
export abstract class EnrolmentError extends ServiceError {
  protected constructor(message: string, status: number, slug: string, title: string) {
    super('enrolment', slug, status, title, message);
  }
}

export class NotFoundError extends EnrolmentError {
  constructor(kind: string, id: string) {
    super(`${kind} ${id} does not exist`, 404, 'not-found', 'Not found');
  }
}

/** The request is well-formed but the thing it asks for is not allowed in the current state. */
export class TransitionRefusedError extends EnrolmentError {
  constructor(message: string) {
    super(message, 409, 'transition-refused', 'Not allowed in the current state');
  }
}

export class QuotaExhaustedError extends EnrolmentError {
  constructor(message: string) {
    super(message, 409, 'quota-exhausted', 'No placements left');
  }
}

export class DuplicateApplicationError extends EnrolmentError {
  constructor(message: string) {
    super(message, 409, 'duplicate-application', 'An active application exists for this email');
  }
}

/** A mentor registration under an email a mentor already has: the gateway answers it like a new one. */
export class DuplicateRegistrationError extends EnrolmentError {
  constructor(message: string) {
    super(message, 409, 'duplicate-registration', 'A mentor is registered with this email');
  }
}

export class ReferralUnusableError extends EnrolmentError {
  constructor(message: string) {
    super(message, 422, 'referral-unusable', 'The referral code cannot be used');
  }
}

export class InvalidRequestError extends EnrolmentError {
  constructor(message: string) {
    super(message, 422, 'invalid-request', 'The request breaks an enrolment rule');
  }
}
