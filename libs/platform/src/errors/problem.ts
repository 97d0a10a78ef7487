// The shape a service's error gives itself lives in the kernel, so domain code can use it.
export { type Problem, type ProblemSource, isProblemSource } from '@cmp/kernel';

/** The body of an `application/problem+json` response. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** The path of the request that failed. */
  instance?: string;
  /** Per-field messages of a validation problem. */
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** The messages for one invalid field, named by its path in the body (`items[0].email`). */
export interface FieldError {
  field: string;
  messages: string[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
