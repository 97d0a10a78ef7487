import type { HttpRequest } from '@cmp/platform';
import type { Principal } from '../domain/principal';
import type { RouteLookup, RouteMatcher } from '../domain/route-matcher';

/** Every public route lives below this prefix; the rest (health, docs, metrics) is not routed. */
export const PUBLIC_API_PREFIX = '/api/v1';

/** The slice of an Express request the gateway reads. */
export type GatewayRequest = HttpRequest & {
  method: string;
  path: string;
  originalUrl: string;
  ip?: string;
  query: Record<string, unknown>;
  body?: unknown;
  /** Set by the access guard once the request is authorised. */
  principal?: Principal;
};

const lookups = new WeakMap<object, RouteLookup | null>();

/**
 * The route of a public API request, looked up once and shared by the rate limiter (which needs
 * the route's class) and the access guard. `null` for requests outside `/api/v1`.
 */
export function routeOf(matcher: RouteMatcher, request: GatewayRequest): RouteLookup | null {
  const known = lookups.get(request);
  if (known !== undefined) return known;
  const { path } = request;
  const lookup = path === PUBLIC_API_PREFIX || path.startsWith(`${PUBLIC_API_PREFIX}/`) ? matcher.lookup(request.method, path.slice(PUBLIC_API_PREFIX.length) || '/') : null;
  lookups.set(request, lookup);
  return lookup;
}

export function singleHeader(request: GatewayRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
