import { Inject, Injectable } from '@nestjs/common';
import { UPSTREAM_SERVICES, UpstreamService } from '../../domain/route-definition';
import { GATEWAY_SETTINGS, GatewaySettings } from '../gateway-settings';

export interface ServiceStatus {
  readonly status: 'up' | 'down';
  /** The service's own `/health/ready` body, or why it could not be read. */
  readonly detail: unknown;
}

export interface SystemHealth {
  readonly status: 'up' | 'down';
  readonly services: Record<UpstreamService, ServiceStatus>;
}

const CHECK_TIMEOUT_MS = 3000;

/** Asks every service's `/health/ready` at once; the system is up only when all of them are. */
@Injectable()
export class ServiceHealth {
  constructor(@Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings) {}

  async check(): Promise<SystemHealth> {
    const results = await Promise.all(UPSTREAM_SERVICES.map(async (service) => [service, await this.checkOne(this.settings.upstreams[service])] as const));
    const services = Object.fromEntries(results) as Record<UpstreamService, ServiceStatus>;
    return { status: results.every(([, result]) => result.status === 'up') ? 'up' : 'down', services };
  }

  private async checkOne(baseUrl: string): Promise<ServiceStatus> {
    try {
      const response = await fetch(new URL('/health/ready', baseUrl), { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
      const text = await response.text();
      let detail: unknown = text;
      try {
        detail = JSON.parse(text);
      } catch {
        // A non-JSON body is shown as it came.
      }
      return { status: response.ok ? 'up' : 'down', detail };
    } catch (error) {
      return { status: 'down', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }
}
