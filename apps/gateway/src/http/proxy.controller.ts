import { All, Controller, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { correlationIdsOf, CORRELATION_ID_HEADER, flattenValidationErrors, maskSecretsInUrl, REQUEST_ID_HEADER, RequestValidationException } from '@cmp/platform';
import { ForwardRequest } from '../application/forwarding/forward-request';
import { GATEWAY_SETTINGS, GatewaySettings } from '../application/gateway-settings';
import { RouteMatcher } from '../domain/route-matcher';
import { UpstreamResponse } from '../infrastructure/upstream-client';
import { NewAccountCredentials } from './dto/auth.request.dto';
import { GatewayRequest, PUBLIC_API_PREFIX, routeOf } from './gateway-request';

/** Request headers a service may see; everything else, credentials and `x-actor` above all, stays here. */
const FORWARDED_HEADERS = ['accept', 'accept-language', 'idempotency-key', 'if-match', 'if-none-match'];

interface RawResponse {
  status(code: number): RawResponse;
  setHeader(name: string, value: string): void;
}

/**
 * Every proxied route of the table. It runs only after `AccessGuard` has found the route and
 * authorised the caller; registered last, so the gateway's own controllers answer their paths.
 */
@ApiExcludeController()
@Controller()
export class ProxyController {
  constructor(
    private readonly matcher: RouteMatcher,
    private readonly forward: ForwardRequest,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  @All(['api/v1', 'api/v1/*path'])
  // Passthrough: the body is returned, not written, so interceptors (`IdempotencyInterceptor`) see
  // the answer like any controller's, and can answer in its place.
  async proxy(@Req() request: GatewayRequest, @Res({ passthrough: true }) response: RawResponse): Promise<string> {
    const lookup = routeOf(this.matcher, request);
    if (!lookup?.found) throw new Error('the access guard lets no unknown route through');
    const { match } = lookup;
    const ids = correlationIdsOf(request);
    const headers: Record<string, string> = { [CORRELATION_ID_HEADER]: ids.correlationId, [REQUEST_ID_HEADER]: ids.requestId ?? ids.correlationId };
    for (const name of FORWARDED_HEADERS) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    // The client's address as the gateway established it (never what the client claims), so a
    // service's own per-client limits count respondents, not the gateway.
    if (request.ip) headers['x-forwarded-for'] = request.ip;
    let body = request.body;
    let newAccount: NewAccountCredentials | undefined;
    if (match.route.createsAccount) {
      newAccount = await credentialsIn(body);
      const { password: _password, ...rest } = body as Record<string, unknown>;
      body = { ...rest, email: newAccount.email };
    }
    const upstream = await this.forward.execute({
      match,
      method: request.method,
      queryString: queryStringOf(request.originalUrl),
      headers,
      principal: request.principal,
      body,
      newAccount,
    });
    const answer = match.route.answerNamesServicePath ? withPublicPath(upstream, this.settings.publicUrl) : upstream;
    return send(response, answer, request.path);
  }
}

async function credentialsIn(body: unknown): Promise<NewAccountCredentials> {
  const source = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const credentials = plainToInstance(NewAccountCredentials, { email: source['email'], password: source['password'] });
  // Values kept so that an absent field reads "is required"; only the field messages leave here.
  const errors = await validate(credentials, { validationError: { target: false, value: true } });
  if (errors.length > 0) throw new RequestValidationException(flattenValidationErrors(errors));
  return credentials;
}

/**
 * A successful JSON answer whose `path` names the service's own path (`/feeds/<token>.ics`), with
 * the public path instead (`/api/v1/feeds/<token>.ics`, where the gateway routes it) and `url`,
 * the absolute address a calendar app subscribes to.
 */
function withPublicPath(upstream: UpstreamResponse, publicUrl: string): UpstreamResponse {
  if (upstream.status < 200 || upstream.status > 299 || !(upstream.headers['content-type'] ?? '').startsWith('application/json')) return upstream;
  const answer = JSON.parse(upstream.body.toString('utf8')) as Record<string, unknown>;
  if (typeof answer['path'] !== 'string' || !answer['path'].startsWith('/')) return upstream;
  const path = `${PUBLIC_API_PREFIX}${answer['path']}`;
  return { ...upstream, body: Buffer.from(JSON.stringify({ ...answer, path, url: `${publicUrl.replace(/\/$/, '')}${path}` })) };
}

function queryStringOf(url: string): string {
  const index = url.indexOf('?');
  return index < 0 ? '' : url.slice(index);
}

/**
 * Passes the service's answer on (Nest sends the returned text under the service's content type); a problem's `instance` names the public path the client used,
 * with a survey or feed token masked as every service masks it.
 */
function send(response: RawResponse, upstream: UpstreamResponse, publicPath: string): string {
  // Every service answers text (JSON, problem+json, iCalendar).
  let body = upstream.body.toString('utf8');
  const contentType = upstream.headers['content-type'] ?? '';
  if (contentType.startsWith('application/problem+json')) {
    try {
      body = JSON.stringify({ ...JSON.parse(body), instance: maskSecretsInUrl(publicPath) });
    } catch {
      // Not JSON after all: pass it on untouched.
    }
  }
  response.status(upstream.status);
  for (const [name, value] of Object.entries(upstream.headers)) {
    response.setHeader(name, name === 'location' && value.startsWith('/') ? `${PUBLIC_API_PREFIX}${value}` : value);
  }
  return body;
}
