import type { INestApplication } from '@nestjs/common';
import { Counter } from 'prom-client';
import request from 'supertest';
import { PROBE_SERVICE_NAME, createProbeApp } from '../test-support/probe-app.fixture';
import { getOrCreateCounter, getOrCreateGauge, getOrCreateHistogram } from './metric-factories';
import { metricsRegistry } from './metrics.registry';

function durationCount(body: string, labels: string): number {
  const line = body
    .split('\n')
    .find((candidate) => candidate.startsWith('http_server_request_duration_seconds_count{') && candidate.includes(labels));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('GET /metrics', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createProbeApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('serves the registry in Prometheus text format with the default Node metrics', async () => {
    const response = await request(app.getHttpServer()).get('/metrics').expect(200);

    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(response.text).toContain(`nodejs_heap_size_used_bytes{service="${PROBE_SERVICE_NAME}"}`);
  });

  it('records requests by method, route template and status', async () => {
    await request(app.getHttpServer()).get('/probe/entries/41').expect(200);
    await request(app.getHttpServer()).get('/probe/entries/42').expect(200);
    await request(app.getHttpServer()).get('/probe/entries/missing').expect(404);

    const body = (await request(app.getHttpServer()).get('/metrics').expect(200)).text;

    expect(body).toContain('# TYPE http_server_request_duration_seconds histogram');
    expect(durationCount(body, 'method="GET",route="/probe/entries/:id",status_code="200"')).toBe(2);
    expect(durationCount(body, 'method="GET",route="/probe/entries/:id",status_code="404"')).toBe(1);
    expect(durationCount(body, `service="${PROBE_SERVICE_NAME}",method="GET",route="/probe/entries/:id",status_code="200"`)).toBe(2);
    expect(body).not.toContain('/probe/entries/41');
  });

  it('keeps the route of a request a guard rejected', async () => {
    await request(app.getHttpServer()).get('/probe/private').expect(403);

    const body = (await request(app.getHttpServer()).get('/metrics').expect(200)).text;

    expect(durationCount(body, 'method="GET",route="/probe/private",status_code="403"')).toBe(1);
  });

  it('labels requests no route matched without their URL', async () => {
    await request(app.getHttpServer()).get('/scanner/wp-login.php').expect(404);
    await request(app.getHttpServer()).post('/probe/entries').set('content-type', 'application/json').send('{').expect(400);

    const body = (await request(app.getHttpServer()).get('/metrics').expect(200)).text;

    expect(durationCount(body, 'method="GET",route="unmatched",status_code="404"')).toBeGreaterThanOrEqual(1);
    expect(durationCount(body, 'method="POST",route="unmatched",status_code="400"')).toBeGreaterThanOrEqual(1);
    expect(body).not.toContain('wp-login');
  });

  it('serves metrics other libraries register on the shared registry', async () => {
    getOrCreateGauge({ name: 'test_outbox_backlog', help: 'Unpublished outbox rows' }).set(7);

    const body = (await request(app.getHttpServer()).get('/metrics').expect(200)).text;

    expect(body).toContain(`test_outbox_backlog{service="${PROBE_SERVICE_NAME}"} 7`);
  });
});

describe('getOrCreate metric helpers', () => {
  it('return the already registered metric when asked again', () => {
    const first = getOrCreateCounter({ name: 'test_dead_letters_total', help: 'Dead letters', labelNames: ['topic'] });
    const second = getOrCreateCounter({ name: 'test_dead_letters_total', help: 'Dead letters', labelNames: ['topic'] });

    first.inc({ topic: 'a' });
    second.inc({ topic: 'a' });

    expect(second).toBe(first);
    expect(first).toBeInstanceOf(Counter);
    expect(metricsRegistry.getSingleMetric('test_dead_letters_total')).toBe(first);
  });

  it('keep one histogram per name across applications in one process', () => {
    const config = { name: 'test_handler_seconds', help: 'Handler time', labelNames: ['handler'] as const, buckets: [0.1, 1] };

    expect(getOrCreateHistogram(config)).toBe(getOrCreateHistogram(config));
  });

  it('refuse a name already registered as another metric type', () => {
    getOrCreateGauge({ name: 'test_consumer_lag', help: 'Lag', labelNames: ['partition'] });

    expect(() => getOrCreateCounter({ name: 'test_consumer_lag', help: 'Lag', labelNames: ['partition'] })).toThrow(
      'Metric test_consumer_lag is already registered as a Gauge, not a Counter',
    );
  });

  it('refuse a name already registered with other labels', () => {
    getOrCreateGauge({ name: 'test_partition_lag', help: 'Lag', labelNames: ['partition'] });

    expect(() => getOrCreateGauge({ name: 'test_partition_lag', help: 'Lag', labelNames: ['topic', 'partition'] })).toThrow(
      'already registered with labels [partition], not [partition, topic]',
    );
  });
});
