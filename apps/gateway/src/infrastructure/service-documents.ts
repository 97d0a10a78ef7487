import { Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { UPSTREAM_SERVICES, UpstreamService } from '../domain/route-definition';

export type ServiceDocuments = Partial<Record<UpstreamService, OpenAPIObject>>;

const logger = new Logger('ServiceDocuments');

/**
 * Reads each service's own OpenAPI document (`/openapi.json`), so the public document can show
 * the services' request and response schemas. Best effort, at start-up: a service that is not
 * up yet keeps generic operations in the public document until the gateway restarts.
 */
export async function fetchServiceDocuments(upstreams: Readonly<Record<UpstreamService, string>>, timeoutMs = 3000): Promise<ServiceDocuments> {
  const entries = await Promise.all(
    UPSTREAM_SERVICES.map(async (service) => {
      try {
        const response = await fetch(new URL('/openapi.json', upstreams[service]), { signal: AbortSignal.timeout(timeoutMs) });
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
