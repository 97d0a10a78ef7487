/**
 * A problem as a service describes it (RFC 9457). The HTTP filter adds `instance` and the
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
 * An error that knows its own problem details. Service errors implement it so the one HTTP
 * filter maps them without knowing any service's error classes.
 */
export interface ProblemSource {
  toProblem(): Problem;
}

export function isProblemSource(value: unknown): value is ProblemSource {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<ProblemSource>).toProblem === 'function'
  );
}

/** Every service's problem types live under one base: `https://cmp.dk/problems/<service>/<slug>`. */
export const SERVICE_PROBLEM_BASE = 'https://cmp.dk/problems';

/**
 * The one base class of every service's errors: a broken rule that describes itself as problem
 * details, so domain and application code can fail without knowing about HTTP. A service declares
 * one subclass naming itself (`class EnrolmentError extends ServiceError { service = 'enrolment' }`
 * is not enough: pass it to the constructor) and its concrete errors below that.
 */
export abstract class ServiceError extends Error implements ProblemSource {
  protected constructor(
    /** The owning service; the first path segment of the problem type. */
    readonly service: string,
    /** The kind of failure, stable for clients: the last path segment of the problem type. */
    readonly slug: string,
    readonly status: number,
    readonly title: string,
    message: string,
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }

  get problemType(): string {
    return `${SERVICE_PROBLEM_BASE}/${this.service}/${this.slug}`;
  }

  toProblem(): Problem {
    return {
      type: this.problemType,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(this.extensions === undefined ? {} : { extensions: this.extensions }),
    };
  }
}
