import {
  Counter,
  type CounterConfiguration,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  type Metric,
} from 'prom-client';
import { metricsRegistry } from './metrics.registry';

/** A metric's configuration without `registers`: these helpers always use `metricsRegistry`. */
export type MetricConfig<C> = Omit<C, 'registers'>;

/**
 * The counter registered under `config.name`, created on first use.
 *
 * Safe to call any number of times: the first call's configuration wins, so a `collect`
 * callback must read process-wide state rather than one application instance's. Asking for
 * an existing name with another metric type or other labels is a programming error and
 * throws, instead of silently recording into a metric of the wrong shape.
 */
export function getOrCreateCounter<T extends string>(config: MetricConfig<CounterConfiguration<T>>): Counter<T> {
  return existing(config.name, Counter, config.labelNames) ?? new Counter<T>({ ...config, registers: [metricsRegistry] });
}

/** The gauge registered under `config.name`, created on first use; see `getOrCreateCounter`. */
export function getOrCreateGauge<T extends string>(config: MetricConfig<GaugeConfiguration<T>>): Gauge<T> {
  return existing(config.name, Gauge, config.labelNames) ?? new Gauge<T>({ ...config, registers: [metricsRegistry] });
}

/** The histogram registered under `config.name`, created on first use; see `getOrCreateCounter`. */
export function getOrCreateHistogram<T extends string>(config: MetricConfig<HistogramConfiguration<T>>): Histogram<T> {
  return (
    existing(config.name, Histogram, config.labelNames) ?? new Histogram<T>({ ...config, registers: [metricsRegistry] })
  );
}

function existing<M extends Metric<string>>(
  name: string,
  kind: abstract new (...args: never[]) => M,
  labelNames: readonly string[] | undefined,
): M | undefined {
  const metric = metricsRegistry.getSingleMetric(name);
  if (metric === undefined) {
    return undefined;
  }
  if (!(metric instanceof kind)) {
    throw new Error(`Metric ${name} is already registered as a ${metric.constructor.name}, not a ${kind.name}`);
  }
  const registered = [...((metric as unknown as { labelNames?: readonly string[] }).labelNames ?? [])].sort();
  const requested = [...(labelNames ?? [])].sort();
  if (registered.join(',') !== requested.join(',')) {
    throw new Error(
      `Metric ${name} is already registered with labels [${registered.join(', ')}], not [${requested.join(', ')}]`,
    );
  }
  return metric;
}
