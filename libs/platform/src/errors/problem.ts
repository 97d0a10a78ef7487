/**
 * A problem as a service describes it (RFC 9457). The filter adds `instance` and the
 * correlation id; `extensions` become extra members of the response body.
 */
export interface Problem {
  /** A stable URI naming the kind of problem; clients branch on it, never on `title`. */
  type: string;
  /** A short summary that is the same for every occurrence of this `type`. */
  title: string;
  /** The HTTP status code. */
  status: number;
  /** What went wrong this time, in words a client may show to its user. */
  detail?: string;
  /** Further members of the body; they cannot replace the standard members above. */
  extensions?: Record<string, unknown>;
}

/**
 * An error that knows its own problem details. Domain errors implement it so the one HTTP
 * filter maps them without knowing any service's error classes.
 */
export interface ProblemSource {
  toProblem(): Problem;
}

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

export function isProblemSource(value: unknown): value is ProblemSource {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<ProblemSource>).toProblem === 'function'
  );
}
