import SwaggerParser from '@apidevtools/swagger-parser';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { waitFor } from '@cmp/testing';
import { ROUTE_TABLE } from '../src/routes/route-table';
import { BOOTSTRAP_ADMIN, GatewayTestApp, startGateway, TEST_PUBLIC_URL } from './gateway-test-app';
import { StubUpstreams } from './stub-upstreams';

/**
 * Enrolment's document as a service with the old faults would publish it: a configuration class
 * and an event contract among its schemas, and a reference to a type without a schema.
 */
const ENROLMENT_DOCUMENT = {
  openapi: '3.0.0',
  info: { title: 'CMP enrolment (internal)', version: '1' },
  paths: {
    '/applications': {
      post: { requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApplyRequest' } } } }, responses: { '201': { description: '' } } },
    },
    '/mentees': {
      get: {
        parameters: [{ name: 'status', in: 'query', required: false, schema: { type: 'string' } }, { name: 'cohortId', in: 'query', required: false, schema: { type: 'string', format: 'uuid' } }],
        responses: { '200': { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/Array' } } } } },
      },
    },
  },
  components: {
    schemas: {
      ApplyRequest: { type: 'object', required: ['email'], properties: { email: { type: 'string' }, education: { $ref: '#/components/schemas/Education' } } },
      Education: { type: 'object', properties: { level: { type: 'string' } } },
      EnrolmentConfig: { type: 'object', properties: { DATABASE_URL: { type: 'string' } } },
      MenteePlaced: { type: 'object', properties: { menteeId: { type: 'string' } } },
    },
  },
};

describe('the public OpenAPI document', () => {
  let stubs: StubUpstreams;
  let gateway: GatewayTestApp;
  const document = async () => (await request(gateway.app.getHttpServer()).get('/openapi.json').expect(200)).body;

  beforeAll(async () => {
    stubs = await StubUpstreams.start();
    // Enrolment is not up when the gateway starts, as on an `npm start` where the gateway comes first.
    gateway = await startGateway({ upstreams: stubs.urls, keepServiceDocumentsFresh: true });
  });

  afterAll(async () => {
    await gateway?.close();
    await stubs?.stop();
  });

  it("takes in a service's schemas once the service answers, without a restart", async () => {
    const before = await document();
    expect(before.paths['/api/v1/applications'].post.requestBody.content['application/json'].schema.allOf[0]).toEqual({ type: 'object' });

    stubs.documents.enrolment = ENROLMENT_DOCUMENT;
    await waitFor(document, (current) => current.components.schemas['enrolment.ApplyRequest'] !== undefined, { timeoutMs: 20_000, what: "enrolment's schemas in the public document" });

    const after = await document();
    expect(after.paths['/api/v1/applications'].post.requestBody.content['application/json'].schema.allOf[0]).toEqual({ $ref: '#/components/schemas/enrolment.ApplyRequest' });
    expect(after.paths['/api/v1/mentees'].get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'status', in: 'query' }), expect.objectContaining({ name: 'cohortId', in: 'query' })]),
    );
  });

  it('publishes nothing internal: no configuration, no event contract, only schemas an operation uses', async () => {
    const published = await document();
    const names = Object.keys(published.components.schemas);
    expect(names).not.toContain('enrolment.EnrolmentConfig');
    expect(names).not.toContain('enrolment.MenteePlaced');
    expect(names.filter((name) => /Config$/.test(name))).toEqual([]);
    expect(JSON.stringify(published)).not.toMatch(/DATABASE_URL|GATEWAY_JWT_SECRET|GATEWAY_HOP_SIGNING_KEY/);
    expect(names).toEqual(expect.arrayContaining(['enrolment.ApplyRequest', 'enrolment.Education']));
  });

  it('names the gateway as its server and documents every route of the table', async () => {
    const published = await document();
    expect(published.servers).toEqual([{ url: TEST_PUBLIC_URL, description: 'The gateway' }]);
    for (const route of ROUTE_TABLE) {
      expect(published.paths[`/api/v1${route.path.replace(/:(\w+)/g, '{$1}')}`]?.[route.method.toLowerCase()]).toBeDefined();
    }
  });

  it('validates with swagger-parser, every reference resolving', async () => {
    const published = await document();
    expect(JSON.stringify(published)).not.toContain('#/components/schemas/enrolment.Array');
    await expect(SwaggerParser.validate(published)).resolves.toBeDefined();
  });

  it('answers a calendar feed with the path the gateway routes and its absolute url, and serves the feed there', async () => {
    const http = () => request(gateway.app.getHttpServer());
    const admin = (await http().post('/api/v1/auth/sign-in').send(BOOTSTRAP_ADMIN).expect(200)).body;
    const token = 'Zm9yIHRoZSBjYWxlbmRhciBmZWVkIG9ubHkgMDEyMzQ1Njc4OQ';
    stubs.answer = (received) =>
      received.method === 'POST' ? { status: 201, body: { token, path: `/feeds/${token}.ics` } } : { status: 200, body: 'BEGIN:VCALENDAR', contentType: 'text/calendar; charset=utf-8' };

    const issued = (await http().post(`/api/v1/people/${randomUUID()}/calendar-feed`).set('authorization', `Bearer ${admin.accessToken}`).expect(201)).body;
    expect(issued).toEqual({ token, path: `/api/v1/feeds/${token}.ics`, url: `${TEST_PUBLIC_URL}/api/v1/feeds/${token}.ics` });

    stubs.clear();
    const feed = await http().get(issued.path).expect(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(stubs.received).toEqual([expect.objectContaining({ service: 'scheduling', method: 'GET', url: `/feeds/${token}.ics`, actor: undefined })]);
  });
});
