import type { Histogram } from 'prom-client';
import { getOrCreateHistogram } from './metric-factories';

export const HTTP_REQUEST_DURATION_METRIC = 'http_server_request_duration_seconds';

export type HttpRequestDurationLabel = 'method' | 'route' | 'status_code';

/** Route label of requests no route matched: the raw URL would let scanners explode cardinality. */
export const UNMATCHED_ROUTE = 'unmatched';

/** How long HTTP requests take, by method, route template and status code. */
export function httpRequestDuration(): Histogram<HttpRequestDurationLabel> {
  return getOrCreateHistogram({
    name: HTTP_REQUEST_DURATION_METRIC,
    help: 'Duration of HTTP requests served, in seconds, by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
}
