import { UnauthorizedException } from '@nestjs/common';
import type { Caller } from '@cmp/kernel';
import type { HttpRequest, HttpResponse, NextFunction } from '../http/http-message';
import { HOP_TOKEN_HEADER } from './hop-token';
import { HopTokenRejected, type HopVerifier } from './hop-verifier';

/**
 * What a service answers without a hop token: liveness and readiness, which orchestrators and
 * the gateway's system health ask for and which say nothing about anyone. Exact paths only.
 */
const OPEN_PROBES = new Set(['/health/live', '/health/ready']);

const callers = new WeakMap<object, Caller>();

/** The caller the hop token of this request vouched for; `undefined` only on the open probes. */
export function verifiedCallerOf(request: object): Caller | undefined {
  return callers.get(request);
}

/**
 * Lets a request in only with a valid hop token for exactly this request (see `HopVerifier`),
 * before the body is parsed and before any route, guard or controller runs, so an unsigned
 * request costs the service a signature check and nothing else. Installed by
 * `configureServiceApp` as plain middleware rather than a guard because it must also cover what
 * Nest's router never sees (the OpenAPI document, unknown paths). Refusals are 401 problems.
 */
export function hopAuthentication(verifier: HopVerifier): (request: HttpRequest, response: HttpResponse, next: NextFunction) => void {
  return (request, _response, next) => {
    const pathAndQuery = request.originalUrl ?? request.url ?? '/';
    if ((request.method === 'GET' || request.method === 'HEAD') && OPEN_PROBES.has(pathAndQuery)) {
      next();
      return;
    }
    const token = request.headers[HOP_TOKEN_HEADER];
    if (typeof token !== 'string' || token.length === 0) {
      next(new UnauthorizedException(`${HOP_TOKEN_HEADER} is required: services answer only requests the gateway signed`));
      return;
    }
    verifier.verify(token, { method: request.method ?? 'GET', pathAndQuery }).then(
      (caller) => {
        callers.set(request, caller);
        next();
      },
      (error: unknown) => next(new UnauthorizedException(error instanceof HopTokenRejected ? error.message : 'the hop token could not be checked')),
    );
  };
}
