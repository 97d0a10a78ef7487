import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerException, ThrottlerGuard, ThrottlerLimitDetail, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import { clientAddressKey } from '../domain/client-address';
import { RouteMatcher } from '../domain/route-matcher';
import { GatewayRequest, routeOf } from './gateway-request';

/**
 * Rate limits per client address (see `clientAddressKey`; the proxy's view of it when
 * `GATEWAY_TRUST_PROXY` is on), counted per route of the table: every proxied route shares one
 * handler, so counting per handler would let one route's traffic use up another's allowance
 * (an application used to spend a sign-in attempt).
 */
@Injectable()
export class GatewayThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly matcher: RouteMatcher,
  ) {
    super(options, storage, reflector);
  }

  /** Event handlers share the module's guards; rate limits are for HTTP clients only. */
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http';
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return clientAddressKey((request as unknown as GatewayRequest).ip);
  }

  protected override generateKey(context: ExecutionContext, tracker: string, throttlerName: string): string {
    const lookup = routeOf(this.matcher, context.switchToHttp().getRequest<GatewayRequest>());
    const scope = lookup?.found ? `${lookup.match.route.method} ${lookup.match.route.path}` : `${context.getClass().name}.${context.getHandler().name}`;
    return super.generateKey(context, `${scope}|${tracker}`, throttlerName);
  }

  /** Our own words and the wait in seconds, rather than the library's "ThrottlerException: Too Many Requests". */
  protected override async throwThrottlingException(_context: ExecutionContext, limit: ThrottlerLimitDetail): Promise<void> {
    const retryAfterSeconds = Math.max(1, limit.timeToBlockExpire);
    throw new ThrottlerException(`Too many requests from your address: at most ${limit.limit} per ${Math.ceil(limit.ttl / 1000)} s for this route. Try again in ${retryAfterSeconds} s.`);
  }
}
