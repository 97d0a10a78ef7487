/** Every problem type the platform issues lives under this base; services mint theirs too. */
export const PROBLEM_TYPE_BASE = 'https://cmp.dk/problems/';

/** The URI of a problem type, e.g. `problemType('quota-exceeded')`. */
export function problemType(slug: string): string {
  return `${PROBLEM_TYPE_BASE}${slug}`;
}

/** The problem types the platform itself issues. The URIs are part of the HTTP contract. */
export const ProblemTypes = {
  VALIDATION: problemType('validation'),
  BAD_REQUEST: problemType('bad-request'),
  UNAUTHORIZED: problemType('unauthorized'),
  FORBIDDEN: problemType('forbidden'),
  NOT_FOUND: problemType('not-found'),
  METHOD_NOT_ALLOWED: problemType('method-not-allowed'),
  NOT_ACCEPTABLE: problemType('not-acceptable'),
  CONFLICT: problemType('conflict'),
  GONE: problemType('gone'),
  PRECONDITION_FAILED: problemType('precondition-failed'),
  PAYLOAD_TOO_LARGE: problemType('payload-too-large'),
  UNSUPPORTED_MEDIA_TYPE: problemType('unsupported-media-type'),
  UNPROCESSABLE: problemType('unprocessable'),
  TOO_MANY_REQUESTS: problemType('too-many-requests'),
  INTERNAL: problemType('internal'),
  UNAVAILABLE: problemType('unavailable'),
  TIMEOUT: problemType('timeout'),
} as const;

const TYPE_BY_STATUS: Readonly<Record<number, string>> = {
  400: ProblemTypes.BAD_REQUEST,
  401: ProblemTypes.UNAUTHORIZED,
  403: ProblemTypes.FORBIDDEN,
  404: ProblemTypes.NOT_FOUND,
  405: ProblemTypes.METHOD_NOT_ALLOWED,
  406: ProblemTypes.NOT_ACCEPTABLE,
  409: ProblemTypes.CONFLICT,
  410: ProblemTypes.GONE,
  412: ProblemTypes.PRECONDITION_FAILED,
  413: ProblemTypes.PAYLOAD_TOO_LARGE,
  415: ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
  422: ProblemTypes.UNPROCESSABLE,
  429: ProblemTypes.TOO_MANY_REQUESTS,
  500: ProblemTypes.INTERNAL,
  503: ProblemTypes.UNAVAILABLE,
  504: ProblemTypes.TIMEOUT,
};

/**
 * The platform's type for a bare HTTP status. Statuses without one of their own get
 * `about:blank`, which RFC 9457 reserves for "nothing more than the status code says".
 */
export function problemTypeForStatus(status: number): string {
  return TYPE_BY_STATUS[status] ?? 'about:blank';
}
