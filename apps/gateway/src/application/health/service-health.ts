import { Inject, Injectable } from '@nestjs/common';
import { UPSTREAM_SERVICES, UpstreamService } from '../../domain/route-definition';
import { GATEWAY_SETTINGS, GatewaySettings } from '../gateway-settings';

/**
 * Only up or down: `/health` is public, and a service's own report (its runtime version, why its
 * database check failed) is for operators on the internal network, at the service's `/health/ready`.
 */
export interface ServiceStatus {
  readonly status: 'up' | 'down';
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
      await response.body?.cancel();
      return { status: response.ok ? 'up' : 'down' };
    } catch {
      return { status: 'down' };
    }
  }
}
