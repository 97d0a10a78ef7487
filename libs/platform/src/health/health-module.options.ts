import type { ReadinessCheckRef } from './readiness-check';

export const HEALTH_MODULE_OPTIONS = Symbol('HEALTH_MODULE_OPTIONS');

export interface HealthModuleOptions {
  /**
   * What `/health/ready` waits for. An entry is either a `ReadinessCheck` object or the
   * injection token of a provider implementing `ReadinessCheck`. Tokens are looked up once,
   * at module init, across the whole application (`ModuleRef.get(token, { strict: false })`),
   * so a check stays in the module that owns its dependencies (the data source, the Kafka
   * admin client) and only its token is listed here. A token nobody provides, or two checks
   * with one name, stop the application from starting. Request-scoped providers are not
   * supported. There is no implicit database check: list the service's
   * `DatabaseReadinessCheck` like any other.
   */
  checks?: readonly ReadinessCheckRef[];
  /**
   * How long one check may take before it counts as failed; a hung dependency must not hang
   * the probe past the orchestrator's own timeout. Default 3000 ms.
   */
  checkTimeoutMs?: number;
  /**
   * How long shutdown waits, with `/health/ready` already answering 503, before closing the
   * server, so a load balancer stops routing to the instance first. Applies to SIGTERM
   * only. Default 0.
   */
  gracefulShutdownTimeoutMs?: number;
}
