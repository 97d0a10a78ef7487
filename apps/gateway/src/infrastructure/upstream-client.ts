import { Inject, Injectable, Logger } from '@nestjs/common';
import { upstreamUnavailable } from '../domain/gateway-error';
import { UpstreamService } from '../domain/route-definition';
import { GATEWAY_SETTINGS, GatewaySettings } from '../application/gateway-settings';

export interface UpstreamRequest {
  readonly service: UpstreamService;
  readonly method: string;
  /** The service's path with the query string, e.g. `/mentees?status=applied`. */
  readonly pathAndQuery: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
}

export interface UpstreamResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** Response headers a client may see; the rest (server, keep-alive, cookies) stay inside. */
const PASSED_BACK = ['content-type', 'content-disposition', 'location', 'etag', 'last-modified', 'cache-control', 'retry-after', 'idempotent-replayed'];

/** Calls a service's internal HTTP API. A service that does not answer becomes a 503 problem. */
@Injectable()
export class UpstreamClient {
  private readonly logger = new Logger(UpstreamClient.name);

  constructor(@Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings) {}

  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    const url = new URL(request.pathAndQuery, this.settings.upstreams[request.service]);
    let response: Response;
    try {
      response = await fetch(url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.upstreamTimeoutMs),
      });
    } catch (error) {
      this.logger.warn(`${request.service} did not answer ${request.method} ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`);
      throw upstreamUnavailable(request.service);
    }
    const headers: Record<string, string> = {};
    for (const name of PASSED_BACK) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
  }
}
