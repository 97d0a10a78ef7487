import { hostname } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stdTimeFunctions, type Level, type LevelWithSilent } from 'pino';
import type { Options } from 'pino-http';
import { correlationContext } from '../correlation/correlation-context';
import { correlationIdsOf } from '../correlation/correlation-headers';
import { type HttpRequest, requestPath } from '../http/http-message';
import type { LogLevel } from './log-level';
import { maskSecretsInParams, maskSecretsInQuery, maskSecretsInUrl } from './secret-urls';

// Probes and scrapes arrive every few seconds; at info they would drown the request log.
const QUIET_PATHS = [/\/health\/(live|ready)$/, /\/metrics$/];

/** Headers that carry credentials, kept out of request logs. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

/**
 * pino-http settings for one service: JSON lines with the service's name, ISO timestamps,
 * level names, the current correlation ids on every line (also outside HTTP, e.g. in a Kafka
 * handler running inside `correlationContext`), and the request id as pino-http's `req.id`.
 */
export function pinoHttpOptions(serviceName: string, level: LogLevel): Options {
  return {
    level,
    base: { service: serviceName, pid: process.pid, hostname: hostname() },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: correlationFields,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { req: withoutUrlSecrets },
    genReqId: (request: IncomingMessage) => correlationIdsOf(request).requestId ?? '',
    customLogLevel: requestLogLevel,
  };
}

/**
 * Survey links, calendar feeds and sign-in links carry their secret in the URL, which pino-http
 * logs three times over: the URL, the query and the route parameters (see `SECRET_PATHS`).
 */
function withoutUrlSecrets(serialized: Record<string, unknown>): Record<string, unknown> {
  const url = typeof serialized['url'] === 'string' ? serialized['url'] : undefined;
  if (url === undefined) return serialized;
  return {
    ...serialized,
    url: maskSecretsInUrl(url),
    ...('query' in serialized ? { query: maskSecretsInQuery(serialized['query']) } : {}),
    ...('params' in serialized ? { params: maskSecretsInParams(serialized['params'], url) } : {}),
  };
}

function correlationFields(): Record<string, string> {
  const ids = correlationContext.current();
  if (!ids) {
    return {};
  }
  const fields: Record<string, string> = { correlationId: ids.correlationId };
  if (ids.causationId) {
    fields['causationId'] = ids.causationId;
  }
  if (ids.requestId) {
    fields['requestId'] = ids.requestId;
  }
  return fields;
}

function requestLogLevel(request: HttpRequest, response: ServerResponse, error?: Error): LevelWithSilent | Level {
  if (QUIET_PATHS.some((pattern) => pattern.test(requestPath(request)))) {
    return 'debug';
  }
  if (error || response.statusCode >= 500) {
    return 'error';
  }
  return response.statusCode >= 400 ? 'warn' : 'info';
}
