/**
 * Whether retrying the same work later can succeed. A consumer waits out a transient fault for
 * as long as it lasts (the event is not its problem); only a permanent one, which would fail
 * the same way on every try, may take an event off its partition into the dead-letter topic.
 */
export type FaultKind = 'transient' | 'permanent';

/**
 * SQLSTATE classes and codes that describe the database's state, not the statement: lost or
 * refused connections (08, 57P01-03, and 28 while logins are refused), serialisation failures
 * and deadlocks (40001, 40P01), lack of resources (53), and locks not available (55P03).
 */
const TRANSIENT_SQLSTATE_CLASSES = ['08', '28', '53'];
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '57P01', '57P02', '57P03', '55P03', '58000', '58030']);

/** Errors node's sockets raise when the other end is away or went away. */
const TRANSIENT_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNABORTED']);

/** node-postgres and TypeORM say these without a code when a connection dies or cannot be had. */
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /terminating connection/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /client was closed and is not queryable/i,
  /cannot use a pool after calling end/i,
  /connection is not established/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

interface FaultShape {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly retriable?: unknown;
  readonly name?: unknown;
  readonly cause?: unknown;
  readonly driverError?: unknown;
  readonly originalError?: unknown;
  readonly errors?: unknown;
}

/** Classifies an error thrown by a database call or a Kafka client call, looking through wrappers. */
export function faultKind(error: unknown): FaultKind {
  return causesOf(error).some(isTransientCause) ? 'transient' : 'permanent';
}

function isTransientCause(cause: FaultShape): boolean {
  const code = typeof cause.code === 'string' ? cause.code : undefined;
  if (code !== undefined) {
    if (/^[0-9A-Z]{5}$/.test(code) && (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_SQLSTATE_CLASSES.includes(code.slice(0, 2)))) return true;
    if (TRANSIENT_SOCKET_CODES.has(code)) return true;
  }
  // kafkajs marks what its own retries may overcome (leader moves, a broker away, timeouts).
  if (typeof cause.name === 'string' && cause.name.startsWith('KafkaJS') && cause.retriable === true) return true;
  if (cause.name === 'KafkaJSConnectionError' || cause.name === 'KafkaJSRequestTimeoutError' || cause.name === 'KafkaJSBrokerNotFound') return true;
  const message = typeof cause.message === 'string' ? cause.message : '';
  return TRANSIENT_MESSAGES.some((pattern) => pattern.test(message));
}

/** The error and everything it wraps: `cause`, TypeORM's `driverError`, kafkajs's `originalError` and aggregated `errors`. */
function causesOf(error: unknown, depth = 0): FaultShape[] {
  if (typeof error !== 'object' || error === null || depth > 5) return [];
  const shape = error as FaultShape;
  const nested = [shape.cause, shape.driverError, shape.originalError, ...(Array.isArray(shape.errors) ? shape.errors : [])];
  return [shape, ...nested.flatMap((inner) => causesOf(inner, depth + 1))];
}

/**
 * Broker answers that the same record will get again however often it is sent: it is too large,
 * malformed, or the service may not write there. Anything else (a broker away, a leader moving,
 * a timeout, or an error not known here) is retried, since parking a row is an operator's chore.
 */
const PERMANENT_PUBLISH_ERRORS = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'CORRUPT_MESSAGE',
  'INVALID_TOPIC_EXCEPTION',
  'TOPIC_AUTHORIZATION_FAILED',
  'CLUSTER_AUTHORIZATION_FAILED',
  'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
  'UNSUPPORTED_FOR_MESSAGE_FORMAT',
  'POLICY_VIOLATION',
  'INVALID_REQUIRED_ACKS',
]);

/** Whether a failed publish can never succeed for the records sent (see PERMANENT_PUBLISH_ERRORS). */
export function isPermanentPublishFault(error: unknown): boolean {
  return causesOf(error).some((cause) => typeof (cause as { type?: unknown }).type === 'string' && PERMANENT_PUBLISH_ERRORS.has((cause as { type: string }).type));
}
