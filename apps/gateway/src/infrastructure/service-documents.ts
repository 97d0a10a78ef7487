import { Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { HOP_TOKEN_HEADER, HopSigner } from '@cmp/platform';
import { UPSTREAM_SERVICES, UpstreamService } from '../domain/route-definition';

export type ServiceDocuments = Partial<Record<UpstreamService, OpenAPIObject>>;

const logger = new Logger('ServiceDocuments');

/** Who the gateway's own calls to a service are made by; no route accepts it for anything else. */
const GATEWAY_CALLER = 'system:gateway';

/**
 * Reads each service's own OpenAPI document (`/openapi.json`), so the public document can show
 * the services' request and response schemas. Best effort, at start-up: a service that is not
 * up yet keeps generic operations in the public document until the gateway restarts. Services
 * answer only signed requests, so the gateway signs these calls as itself (`system:gateway`).
 */
export async function fetchServiceDocuments(
  upstreams: Readonly<Record<UpstreamService, string>>,
  hopSigningKey: string,
  timeoutMs = 3000,
): Promise<ServiceDocuments> {
  const signer = await HopSigner.fromJwk(hopSigningKey);
  const entries = await Promise.all(
    UPSTREAM_SERVICES.map(async (service) => {
      try {
        const url = new URL('/openapi.json', upstreams[service]);
        const token = await signer.sign({ audience: service, caller: GATEWAY_CALLER, method: 'GET', pathAndQuery: `${url.pathname}${url.search}` });
        const response = await fetch(url, { headers: { [HOP_TOKEN_HEADER]: token }, signal: AbortSignal.timeout(timeoutMs) });
        const document = response.ok ? ((await response.json()) as Partial<OpenAPIObject>) : undefined;
        if (typeof document?.openapi === 'string' && typeof document.paths === 'object' && document.paths !== null) return [service, document as OpenAPIObject] as const;
        logger.warn(`${service} offers no OpenAPI document (HTTP ${response.status}); its routes are documented without schemas`);
      } catch (error) {
        logger.warn(`${service} did not answer for its OpenAPI document: ${error instanceof Error ? error.message : String(error)}`);
      }
      return [service, undefined] as const;
    }),
  );
  return Object.fromEntries(entries.filter(([, document]) => document !== undefined)) as ServiceDocuments;
}
