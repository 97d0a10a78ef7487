import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Agent, request as undiciRequest } from 'undici';
import { HOP_TOKEN_HEADER, HopSigner, maskSecretsInUrl } from '@cmp/platform';
import { upstreamUnavailable } from '../domain/gateway-error';
import { UpstreamClient, UpstreamRequest, UpstreamResponse } from '../application/forwarding/upstream-client';
import { GATEWAY_SETTINGS, GatewaySettings } from '../application/gateway-settings';

// The HTTP layer still names the response type by this module.
export type { UpstreamResponse } from '../application/forwarding/upstream-client';

/** Response headers a client may see; the rest (server, keep-alive, cookies) stay inside. */
const PASSED_BACK = ['content-type', 'content-disposition', 'location', 'etag', 'last-modified', 'cache-control', 'retry-after', 'idempotent-replayed'];

/**
 * Calls a service's internal HTTP API over kept-alive connections (undici's request API: every
 * proxied call pays for one, and the WHATWG fetch layer on top cost the gateway a third of its
 * throughput). A service that does not answer becomes a 503 problem.
 *
 * Every call carries a hop token for exactly the URL sent (after `URL` normalised it), so the
 * service can check that the gateway sent this request and no other.
 */
@Injectable()
export class HttpUpstreamClient extends UpstreamClient implements OnModuleDestroy {
  private readonly logger = new Logger(HttpUpstreamClient.name);
  private readonly agent: Agent;
  private readonly signer: Promise<HopSigner>;

  constructor(@Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings) {
    super();
    this.signer = HopSigner.fromJwk(settings.hopSigningKey);
    // Reported by the first call; the key was validated with the configuration already.
    this.signer.catch(() => undefined);
    this.agent = new Agent({
      keepAliveTimeout: 10_000,
      headersTimeout: settings.upstreamTimeoutMs,
      bodyTimeout: settings.upstreamTimeoutMs,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.close();
  }

  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    const url = new URL(request.pathAndQuery, this.settings.upstreams[request.service]);
    const token = await (
      await this.signer
    ).sign({ audience: request.service, caller: request.caller, method: request.method, pathAndQuery: `${url.pathname}${url.search}` });
    try {
      const response = await undiciRequest(url, {
        method: request.method as 'GET',
        headers: { ...request.headers, [HOP_TOKEN_HEADER]: token },
        body: request.body,
        dispatcher: this.agent,
      });
      const headers: Record<string, string> = {};
      for (const name of PASSED_BACK) {
        const value = response.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      return { status: response.statusCode, headers, body: Buffer.from(await response.body.arrayBuffer()) };
    } catch (error) {
      this.logger.warn(`${request.service} did not answer ${request.method} ${maskSecretsInUrl(url.pathname + url.search)}: ${error instanceof Error ? error.message : String(error)}`);
      throw upstreamUnavailable(request.service);
    }
  }
}
