import type { InjectionToken } from '@nestjs/common';

/**
 * Something the service needs before it can take traffic: its database, the broker.
 * `check` resolves when the dependency answers and throws (with a message saying why)
 * when it does not.
 */
export interface ReadinessCheck {
  /** The key under which the check's result appears in `/health/ready`. Unique per service. */
  readonly name: string;
  /**
   * The service answers HTTP without it (the broker: writes go to the outbox, the relay and the
   * consumers catch up later). Its failure is reported as `degraded` in `/health/ready`, which
   * stays 200, so a load balancer keeps an instance that can serve.
   */
  readonly optional?: boolean;
  check(): Promise<void>;
}

/**
 * How a readiness check is registered with the health module: a `ReadinessCheck` object, or
 * the injection token (class, string or symbol) of a provider that implements it.
 */
export type ReadinessCheckRef = ReadinessCheck | InjectionToken<ReadinessCheck>;

export function isReadinessCheck(value: unknown): value is ReadinessCheck {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<ReadinessCheck>).name === 'string' &&
    typeof (value as Partial<ReadinessCheck>).check === 'function'
  );
}
