import { randomUUID } from 'node:crypto';
import type { HttpRequest } from '../http/http-message';
import type { CorrelationIds } from './correlation-ids';

export const CORRELATION_ID_HEADER = 'x-correlation-id';
export const REQUEST_ID_HEADER = 'x-request-id';

// Ids come from outside and end up in logs, headers and events: a bounded, printable
// alphabet keeps them from carrying log injection or oversized values.
const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Whether `value` may be adopted as a correlation, causation or request id from outside. */
export function isValidCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && VALID_ID.test(value);
}

/** The header's value when it is a valid id, otherwise a new UUID. */
export function adoptOrCreateId(value: unknown): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  return isValidCorrelationId(candidate) ? candidate : randomUUID();
}

// Both the correlation middleware and pino-http's request-id generator ask for a request's
// ids; remembering them per request keeps the two in agreement whichever runs first.
const idsByRequest = new WeakMap<HttpRequest, CorrelationIds>();

/** The correlation and request ids of an HTTP request, taken from its headers or generated. */
export function correlationIdsOf(request: HttpRequest): CorrelationIds {
  const known = idsByRequest.get(request);
  if (known) {
    return known;
  }
  const ids: CorrelationIds = {
    correlationId: adoptOrCreateId(request.headers[CORRELATION_ID_HEADER]),
    requestId: adoptOrCreateId(request.headers[REQUEST_ID_HEADER]),
  };
  idsByRequest.set(request, ids);
  return ids;
}
