import { Injectable } from '@nestjs/common';
import { ANONYMOUS } from '@cmp/kernel';
import { HOP_TOKEN_HEADER } from '@cmp/platform';
import { actorOf, Principal } from '../../domain/principal';
import { UPSTREAM_SERVICES, UpstreamService } from '../../domain/route-definition';
import { fillPath, RouteMatch } from '../../domain/route-matcher';
import { UpstreamClient, UpstreamResponse } from './upstream-client';
import { EnrolmentAccounts } from '../accounts/enrolment-accounts';

export interface ForwardedRequest {
  readonly match: RouteMatch;
  readonly method: string;
  readonly queryString: string;
  /** Headers already filtered to those a service may see (never a client's hop token or `x-actor`). */
  readonly headers: Readonly<Record<string, string>>;
  readonly principal: Principal | undefined;
  /** The JSON body, parsed. */
  readonly body: unknown;
  /** The new account's credentials, taken out of the body of an enrolling route. */
  readonly newAccount?: { readonly email: string; readonly password?: string };
}

/** Headers that name a caller; only the gateway's own signature may, so a client's never pass. */
const CALLER_HEADERS = ['x-actor', HOP_TOKEN_HEADER];

/**
 * Sends an authorised request to its service, signed for that service, method and path with the
 * caller's identity (`<role>:<id>`, or `anonymous` on a public route; see `UpstreamClient`), and
 * for the enrolling routes keeps an account for the person enrolment creates (`EnrolmentAccounts`,
 * which also answers them without telling whether the address already had an account).
 */
@Injectable()
export class ForwardRequest {
  constructor(
    private readonly upstream: UpstreamClient,
    private readonly enrolmentAccounts: EnrolmentAccounts,
  ) {}

  async execute(request: ForwardedRequest): Promise<UpstreamResponse> {
    const { route, params } = request.match;
    const service = route.service;
    if (!isUpstream(service)) throw new Error(`${route.method} ${route.path} is served by the gateway itself`);
    const headers: Record<string, string> = { ...request.headers };
    for (const name of CALLER_HEADERS) delete headers[name];
    const hasBody = request.body !== undefined && request.method !== 'GET' && request.method !== 'DELETE';
    if (hasBody) headers['content-type'] = 'application/json';
    const send = (overrides: Readonly<Record<string, string | undefined>> = {}) =>
      this.upstream.send({
        service,
        method: request.method,
        caller: request.principal ? actorOf(request.principal) : ANONYMOUS,
        pathAndQuery: fillPath(route.upstreamPath ?? route.path, params) + request.queryString,
        headers: withOverrides(headers, overrides),
        body: hasBody ? Buffer.from(JSON.stringify(request.body)) : undefined,
      });

    if (!route.createsAccount || !request.newAccount) return send();
    return this.enrolmentAccounts.enrol(route.createsAccount, request.newAccount, send);
  }
}

function isUpstream(service: string): service is UpstreamService {
  return (UPSTREAM_SERVICES as readonly string[]).includes(service);
}

/** The headers with some replaced, and those set to `undefined` left out. */
function withOverrides(headers: Readonly<Record<string, string>>, overrides: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const merged: Record<string, string | undefined> = { ...headers, ...overrides };
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
