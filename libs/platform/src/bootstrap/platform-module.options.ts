import type { DestinationStream } from 'pino';
import type { ReadinessCheckRef } from '../health/readiness-check';
import type { LogLevel } from '../logging/log-level';

export const PLATFORM_MODULE_OPTIONS = Symbol('PLATFORM_MODULE_OPTIONS');

export interface PlatformModuleOptions {
  /** The service's name as it appears in every log line (`service`) and metric (`service` label). */
  serviceName: string;
  /** What `/health/ready` waits for; see `HealthModuleOptions.checks`. */
  readinessChecks?: readonly ReadinessCheckRef[];
  /** How long one readiness check may take; default 3000 ms. */
  readinessCheckTimeoutMs?: number;
  /**
   * How long shutdown waits, with `/health/ready` already answering 503, before the server
   * closes, so the load balancer stops sending requests first. Applies to SIGTERM
   * (the orchestrator's stop), not to SIGINT. Default 0.
   */
  shutdownDelayMs?: number;
  /** Overrides `LOG_LEVEL`. */
  logLevel?: LogLevel;
  /** Where log lines go instead of standard output (tests that read them). */
  logDestination?: DestinationStream;
}
