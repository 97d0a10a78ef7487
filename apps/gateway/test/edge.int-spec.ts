import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { RouteDefinition } from '../src/domain/route-definition';
import { ROUTE_TABLE } from '../src/routes/route-table';
import { GatewayTestApp, startGateway, WEB_ORIGIN } from './gateway-test-app';
import { StubUpstreams } from './stub-upstreams';

/** A survey link route as evaluation will have one: public, guessable only by brute force. */
const SURVEY_LINK: RouteDefinition = { method: 'GET', path: '/survey-links/:token', service: 'evaluation', summary: 'A survey by its link', access: 'public', rateLimit: 'public-link' };

/** The shape of a service's own document, as `setupOpenApi` produces it. */
const ENROLMENT_DOCUMENT = {
  openapi: '3.0.0',
  info: { title: 'CMP enrolment (internal)', version: '1' },
  paths: {
    '/applications': {
      post: { requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApplyRequest' } } } }, responses: { '201': { description: '' } } },
    },
    '/mentees': { get: { parameters: [{ name: 'status', in: 'query', required: false, schema: { type: 'string' } }], responses: { '200': { description: '' } } } },
  },
  components: { schemas: { ApplyRequest: { type: 'object', properties: { email: { type: 'string' }, education: { $ref: '#/components/schemas/Education' } } }, Education: { type: 'object' } } },
};

describe('gateway edge: limits, headers, CORS, health, documentation', () => {
  let stubs: StubUpstreams;
  let gateway: GatewayTestApp;
  const http = () => request(gateway.app.getHttpServer());

  beforeAll(async () => {
    stubs = await StubUpstreams.start();
    stubs.documents.enrolment = ENROLMENT_DOCUMENT;
    gateway = await startGateway({
      upstreams: stubs.urls,
      rateLimits: { perMinute: 40, signInPerMinute: 3, publicLinkPerMinute: 5 },
      bodyLimit: '2kb',
      routes: [...ROUTE_TABLE, SURVEY_LINK],
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await stubs?.stop();
  });

  it('limits sign-in attempts per address more tightly than other calls', async () => {
    const attempts = [];
    for (let attempt = 0; attempt < 4; attempt++) attempts.push((await http().post('/api/v1/auth/sign-in').send({ email: 'x@y.test', password: 'p' })).status);
    const limited = await http().post('/api/v1/auth/sign-in').send({ email: 'x@y.test', password: 'p' });

    expect(attempts).toEqual([401, 401, 401, 429]);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.body.type).toBe('https://cmp.dk/problems/too-many-requests');
    expect(limited.headers['retry-after-sign-in']).toBeDefined();
  });

  it('limits public link routes by their own class', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt++) statuses.push((await http().get(`/api/v1/survey-links/${randomUUID()}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('refuses a body above the limit with a problem, before any service sees it', async () => {
    stubs.clear();
    const response = await http()
      .post('/api/v1/applications')
      .send({ email: 'big@people.test', motivation: 'x'.repeat(4000) })
      .expect(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(stubs.received).toHaveLength(0);
  });

  it('sets security headers and hides internal ones of the services', async () => {
    const response = await http().get(`/api/v1/survey-links/${randomUUID()}`);
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
      'x-frame-options': 'SAMEORIGIN',
    });
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['server']).toBeUndefined();
  });

  it('allows the web client origin and no other', async () => {
    const allowed = await http().options('/api/v1/cohorts').set('origin', WEB_ORIGIN).set('access-control-request-method', 'GET').set('access-control-request-headers', 'authorization');
    const foreign = await http().options('/api/v1/cohorts').set('origin', 'https://evil.test').set('access-control-request-method', 'GET');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(WEB_ORIGIN);
    expect(allowed.headers['access-control-allow-headers']).toContain('authorization');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('reports the whole system healthy only while every service is ready', async () => {
    const healthy = await http().get('/health').expect(200);
    stubs.ready = false;
    const degraded = await http().get('/health').expect(503);
    stubs.ready = true;

    expect(Object.keys(healthy.body.services).sort()).toEqual(['enrolment', 'evaluation', 'matching', 'notifications', 'scheduling']);
    expect(healthy.body.status).toBe('up');
    // Public: up or down per service, none of a service's own report (its runtime, its errors).
    expect(healthy.body.services.enrolment).toEqual({ status: 'up' });
    expect(degraded.body).toMatchObject({ status: 'down', services: { enrolment: { status: 'down' } } });
  });

  it('answers 503 with a problem when a service does not answer', async () => {
    const down = await startGateway({ upstreams: { ...stubs.urls, evaluation: 'http://127.0.0.1:9' } , routes: [...ROUTE_TABLE, SURVEY_LINK] });
    try {
      const response = await request(down.app.getHttpServer()).get(`/api/v1/survey-links/${randomUUID()}`).expect(503);
      expect(response.body).toMatchObject({ type: 'https://cmp.dk/problems/gateway/upstream-unavailable', service: 'evaluation' });
    } finally {
      await down.close();
    }
  });

  it('publishes one OpenAPI document with every route of the table and who may call it', async () => {
    const document = (await http().get('/openapi.json').expect(200)).body;
    const operations = ROUTE_TABLE.map((route) => document.paths[`/api/v1${route.path.replace(/:(\w+)/g, '{$1}')}`]?.[route.method.toLowerCase()]);

    expect(document.info.title).toBe('CMP public API');
    expect(operations.every((operation) => operation !== undefined)).toBe(true);
    expect(document.paths['/api/v1/mentees/{id}'].get.description).toBe(
      'Allowed: admin, coordinator, mentee (only when {id} is their own id), mentor (only when {id} is their own id or one of their mentees).',
    );
    expect(document.paths['/api/v1/auth/sign-in'].post.requestBody).toBeDefined();
    await http().get('/docs').expect(200);
  });

  it("takes proxied routes' schemas from the service's own document, namespaced by service", async () => {
    const document = (await http().get('/openapi.json').expect(200)).body;
    const apply = document.paths['/api/v1/applications'].post;

    expect(apply.requestBody.content['application/json'].schema.allOf[0]).toEqual({ $ref: '#/components/schemas/enrolment.ApplyRequest' });
    expect(apply.requestBody.content['application/json'].schema.allOf[1].properties.password).toMatchObject({ minLength: 12 });
    expect(document.components.schemas['enrolment.ApplyRequest'].properties.education).toEqual({ $ref: '#/components/schemas/enrolment.Education' });
    expect(document.paths['/api/v1/mentees'].get.parameters).toEqual([expect.objectContaining({ name: 'status', in: 'query' })]);
    // A service without a document still has its routes, described generically.
    expect(document.paths['/api/v1/runs/{id}'].get.responses.default.description).toContain('matching');
  });
});
