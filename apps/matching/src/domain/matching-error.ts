import { ServiceError } from '@cmp/kernel';

/** A refusal of the matching workflow; the platform's filter answers it as problem details. */
export abstract class MatchingError extends ServiceError {
  protected constructor(slug: string, status: number, title: string, message: string, extensions?: Record<string, unknown>) {
    super('matching', slug, status, title, message, extensions);
  }
}

export class NotFoundError extends MatchingError {
  constructor(kind: string, id: string) {
    super('not-found', 404, 'Not found', `${kind} ${id} does not exist`);
  }
}

/** The request is well-formed but not allowed in the current state of the run or match. */
export class RefusedError extends MatchingError {
  constructor(message: string) {
    super('refused', 409, 'Not allowed in the current state', message);
  }
}

/** A pair set by hand that breaks a hard constraint; `reasons` name each one. */
export class HardConstraintError extends MatchingError {
  constructor(readonly reasons: readonly string[]) {
    super('hard-constraint', 422, 'The pair breaks a hard constraint', `the pair breaks hard constraints: ${reasons.join(', ')}`, { reasons: [...reasons] });
  }
}
