import type { IncomingMessage, ServerResponse } from 'node:http';
import { maskSecretsInUrl } from '../logging/secret-urls';

/**
 * The parts of an Express request the platform reads. Typed against node's `http` module
 * rather than `@types/express` so the library carries no dependency on Express's typings;
 * the optional fields are filled in by Express when it routes the request.
 */
export type HttpRequest = IncomingMessage & {
  /** The URL as received, before any router stripped a mount path. */
  originalUrl?: string;
  /** The mount path of the router that matched, when one did. */
  baseUrl?: string;
  /** The matched route; its `path` is the template (`/items/:id`), not the concrete URL. */
  route?: { path?: unknown };
};

export type HttpResponse = ServerResponse;

export type NextFunction = (error?: unknown) => void;

/** The request path without its query string: query strings can carry tokens and ids. */
export function requestPath(request: HttpRequest): string {
  const url = request.originalUrl ?? request.url ?? '/';
  const queryStart = url.indexOf('?');
  return queryStart === -1 ? url : url.slice(0, queryStart);
}

/**
 * The request path with secret segments masked (`SECRET_PATHS`): what a problem's `instance`
 * names, since clients and monitoring log problem documents.
 */
export function maskedRequestPath(request: HttpRequest): string {
  return maskSecretsInUrl(requestPath(request));
}
