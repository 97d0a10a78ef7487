import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { RequestAccess } from '../application/access/request-access';
import { GatewayError, methodNotAllowed, routeNotFound } from '../domain/gateway-error';
import { RouteMatcher } from '../domain/route-matcher';
import { GatewayRequest, isEdgeEndpoint, PUBLIC_API_PREFIX, rawPathOf, routeOf, singleHeader } from './gateway-request';

/**
 * The one place access to `/api/v1` is decided, for proxied routes and the gateway's own alike:
 * the route table says who may call what; the request's credential says who is calling. Behind
 * the front door (see `frontDoor`), and refusing on its own what the door would refuse.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly matcher: RouteMatcher,
    private readonly access: RequestAccess,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const response = context.switchToHttp().getResponse<HeaderSink>();
    try {
      return await this.decide(request, response);
    } catch (error) {
      // RFC 6750: a 401 names the scheme the client should use.
      if (error instanceof GatewayError && error.status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="cmp"');
      throw error;
    }
  }

  private async decide(request: GatewayRequest, response: HeaderSink): Promise<boolean> {
    const lookup = routeOf(this.matcher, request);
    const path = rawPathOf(request);
    // The front door has already refused everything else; this guard refuses it again, so a
    // controller registered outside the table can never be reached by forgetting the door.
    if (lookup === null) {
      if (isEdgeEndpoint(request.method, path)) return true;
      throw routeNotFound(request.method, path);
    }
    const publicPath = path.slice(PUBLIC_API_PREFIX.length);
    if (!lookup.found) {
      if (lookup.allowedMethods.length === 0) throw routeNotFound(request.method, publicPath);
      response.setHeader('Allow', lookup.allowedMethods.join(', '));
      throw methodNotAllowed(request.method, publicPath, lookup.allowedMethods);
    }
    const credential = { authorization: singleHeader(request, 'authorization'), apiKey: singleHeader(request, 'x-api-key') };
    const { route, params } = lookup.match;
    // A public route ignores a stale credential: clients attach their (expired) bearer to every
    // call, the refresh call included, and must not be locked out of renewing it.
    const principal = route.access === 'public' ? await this.access.authenticate(credential).catch(anonymousIfRefused) : await this.access.authenticate(credential);
    await this.access.authorise(route, principal, { params, query: request.query ?? {} });
    request.principal = principal;
    return true;
  }
}

interface HeaderSink {
  setHeader(name: string, value: string): void;
}

function anonymousIfRefused(error: unknown): undefined {
  if (error instanceof GatewayError && error.status === 401) return undefined;
  throw error;
}
