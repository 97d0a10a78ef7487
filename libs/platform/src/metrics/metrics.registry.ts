import { Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's one metrics registry, served at `GET /metrics`. Other libraries register
 * their metrics on it through `getOrCreateCounter/Gauge/Histogram`, which tolerate being
 * called again when tests build several applications in one process.
 */
export const metricsRegistry = new Registry();

let defaultMetricsCollected = false;

/**
 * Starts collecting Node's default metrics (heap, event loop lag, GC) on `metricsRegistry`.
 * prom-client refuses to register them twice, so later calls do nothing.
 */
export function collectDefaultNodeMetrics(): void {
  if (!defaultMetricsCollected) {
    collectDefaultMetrics({ register: metricsRegistry });
    defaultMetricsCollected = true;
  }
}

/** Labels every series with the service's name, so one Prometheus can scrape them all. */
export function setMetricsServiceLabel(serviceName: string): void {
  metricsRegistry.setDefaultLabels({ service: serviceName });
}
