import type { HttpRequest } from '@cmp/platform';
import type { Principal } from '../domain/principal';
import type { RouteLookup, RouteMatcher } from '../domain/route-matcher';

/** Every public route lives below this prefix; the rest (health, docs) is not routed. */
export const PUBLIC_API_PREFIX = '/api/v1';

/**
 * The gateway's own endpoints outside the route table, by exact path and only for GET: the
 * system's health, the API document and its browsable page. Everything else outside
 * `/api/v1` is refused before any controller runs (the services' metrics stay inside).
 */
export const EDGE_ENDPOINTS: readonly string[] = ['/health', '/health/live', '/health/ready', '/openapi.json', '/docs'];

/** The browsable docs page loads its scripts and styles from plain file names below `/docs/`. */
const DOCS_ASSET = /^\/docs\/[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

/** Whether a GET of this exact path is one of the gateway's own endpoints outside the route table. */
export function isEdgeEndpoint(method: string, path: string): boolean {
  return method === 'GET' && (EDGE_ENDPOINTS.includes(path) || DOCS_ASSET.test(path));
}

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
 * The route of a public API request, looked up once and shared by the front door, the rate
 * limiter (which needs the route's class) and the access guard. `null` for requests outside
 * `/api/v1` (compared case-sensitively, as every path here is).
 */
export function routeOf(matcher: RouteMatcher, request: GatewayRequest): RouteLookup | null {
  const known = lookups.get(request);
  if (known !== undefined) return known;
  const path = rawPathOf(request);
  const lookup = path === PUBLIC_API_PREFIX || path.startsWith(`${PUBLIC_API_PREFIX}/`) ? matcher.lookup(request.method, path.slice(PUBLIC_API_PREFIX.length) || '/') : null;
  lookups.set(request, lookup);
  return lookup;
}

export function singleHeader(request: GatewayRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The path exactly as the client sent it, before any router decoded or stripped it: the one the
 * route table is matched against, so what is checked is what a handler would have been given.
 */
export function rawPathOf(request: Pick<GatewayRequest, 'originalUrl' | 'url'>): string {
  const url = request.originalUrl ?? request.url ?? '/';
  const queryStart = url.indexOf('?');
  return queryStart === -1 ? url : url.slice(0, queryStart);
}
