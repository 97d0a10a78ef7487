import type { NextFunction } from '@cmp/platform';
import { methodNotAllowed, routeNotFound } from '../domain/gateway-error';
import type { RouteMatcher } from '../domain/route-matcher';
import { GatewayRequest, isEdgeEndpoint, PUBLIC_API_PREFIX, rawPathOf, routeOf } from './gateway-request';

interface HeaderSink {
  setHeader(name: string, value: string): void;
}

/**
 * The gateway fails closed: a request goes on to the framework's router only when its exact
 * path and method are in the route table, or it is one of the few edge endpoints (health,
 * docs). Everything else is answered 404 (405 for a known path under another method) here,
 * before any controller, guard or body parser runs, so no spelling of a path that the router
 * might match more leniently than the table (case, slashes, encodings, dot segments, `;`
 * parameters, another API version) can reach a handler.
 *
 * A CORS preflight (`OPTIONS`) passes for a path the table knows, so browsers can ask.
 */
export function frontDoor(matcher: RouteMatcher) {
  return (request: GatewayRequest, response: HeaderSink, next: NextFunction): void => {
    const path = rawPathOf(request);
    if (isEdgeEndpoint(request.method, path)) return next();
    const lookup = routeOf(matcher, request);
    if (lookup === null) return next(routeNotFound(request.method, path));
    if (lookup.found) return next();
    const publicPath = path.slice(PUBLIC_API_PREFIX.length);
    if (lookup.allowedMethods.length === 0) return next(routeNotFound(request.method, publicPath));
    if (request.method === 'OPTIONS') return next();
    response.setHeader('Allow', lookup.allowedMethods.join(', '));
    next(methodNotAllowed(request.method, publicPath, lookup.allowedMethods));
  };
}
