import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { RouteDefinition } from '../src/domain/route-definition';
import { ROUTE_TABLE } from '../src/routes/route-table';
import { BOOTSTRAP_ADMIN, GatewayTestApp, startGateway } from './gateway-test-app';
import { StubUpstreams } from './stub-upstreams';

type Body = Record<string, unknown>;

/** Two different bodies a route accepts, so that a replay and a reuse with another body can both be tried. */
interface RouteBodies {
  readonly first: Body;
  readonly other: Body;
}

describe('Idempotency-Key on every POST of the public API', () => {
  let stubs: StubUpstreams;
  let gateway: GatewayTestApp;
  let adminHeaders: Record<string, string>;
  const http = () => request(gateway.app.getHttpServer());

  async function signIn(): Promise<{ accessToken: string; refreshToken: string }> {
    return (await http().post('/api/v1/auth/sign-in').send(BOOTSTRAP_ADMIN).expect(200)).body;
  }

  /** Bodies the gateway's own routes take; a proxied route's service is a stub, which takes anything. */
  async function bodiesFor(route: RouteDefinition): Promise<RouteBodies> {
    const email = () => `${randomUUID()}@people.test`;
    switch (route.path) {
      case '/auth/sign-in':
        return { first: { ...BOOTSTRAP_ADMIN }, other: { ...BOOTSTRAP_ADMIN, password: 'not the password' } };
      case '/auth/refresh':
      case '/auth/sign-out':
        return { first: { refreshToken: (await signIn()).refreshToken }, other: { refreshToken: (await signIn()).refreshToken } };
      case '/auth/sign-in-links':
        return { first: { email: email() }, other: { email: email() } };
      case '/auth/sign-in-links/redeem':
        return { first: { token: 'a'.repeat(43) }, other: { token: 'b'.repeat(43) } };
      case '/accounts':
        return { first: { email: email(), password: 'a long enough password', role: 'coordinator' }, other: { email: email(), password: 'a long enough password', role: 'coordinator' } };
      case '/partner-keys':
        return { first: { organisationId: randomUUID(), name: 'HR system' }, other: { organisationId: randomUUID(), name: 'HR system' } };
      case '/applications':
      case '/mentors':
        return { first: { email: email(), name: 'Test Person' }, other: { email: email(), name: 'Other Person' } };
      default:
        return { first: { note: 'first' }, other: { note: 'other' } };
    }
  }

  beforeAll(async () => {
    stubs = await StubUpstreams.start();
    gateway = await startGateway({ upstreams: stubs.urls });
    adminHeaders = { authorization: `Bearer ${(await signIn()).accessToken}` };
  });

  afterAll(async () => {
    await gateway?.close();
    await stubs?.stop();
  });

  beforeEach(() => {
    // A fresh id per answer: a request that ran twice would show two different bodies.
    stubs.answer = () => ({ status: 201, body: { id: randomUUID() } });
  });

  const postRoutes = ROUTE_TABLE.filter((route) => route.method === 'POST');

  it('covers every POST route of the table', () => {
    expect(postRoutes.length).toBeGreaterThan(30);
  });

  describe.each(postRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_name, route) => {
    const path = `/api/v1${route.path.replace(/:[A-Za-z]+/g, () => randomUUID())}`;
    const as = (call: request.Test) => (route.access === 'public' ? call : call.set(adminHeaders));

    it('answers a replay with the first answer, without running it again, and refuses the key with another body', async () => {
      const { first, other } = await bodiesFor(route);
      const key = randomUUID();
      stubs.clear();

      const original = await as(http().post(path).set('idempotency-key', key).send(first));
      const forwarded = stubs.received.length;
      const replay = await as(http().post(path).set('idempotency-key', key).send(first));
      const reused = await as(http().post(path).set('idempotency-key', key).send(other));

      expect(original.status).toBeLessThan(500);
      expect(replay.status).toBe(original.status);
      expect(replay.text).toBe(original.text);
      // The media type is the same; Express may add `; charset=utf-8` to the text it sends.
      expect(mediaTypeOf(replay.headers['content-type'])).toBe(mediaTypeOf(original.headers['content-type']));
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(stubs.received.length).toBe(forwarded);
      expect(reused.status).toBe(422);
      expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(reused.body.detail).toMatch(/Idempotency-Key was already used with another request/);
    });
  });

  it('runs two concurrent requests with one key once, and gives both the one answer', async () => {
    stubs.clear();
    let answered = 0;
    stubs.answer = () => ({ status: 202, body: { runId: randomUUID(), answered: ++answered } });
    const key = randomUUID();
    const cohort = randomUUID();
    const send = () => http().post(`/api/v1/cohorts/${cohort}/runs`).set(adminHeaders).set('idempotency-key', key).send({ fairness: false });

    const [one, two] = await Promise.all([send(), send()]);

    expect(stubs.received.filter((received) => received.url === `/cohorts/${cohort}/runs`)).toHaveLength(1);
    expect([one.status, two.status]).toEqual([202, 202]);
    expect(one.body).toEqual(two.body);
  });

  it('gives an application replay its original 202, not a conflict', async () => {
    const key = randomUUID();
    const body = { email: `${randomUUID()}@people.test`, name: 'Applicant', password: 'a long enough password' };
    const first = await http().post('/api/v1/applications').set('idempotency-key', key).send(body).expect(202);
    const again = await http().post('/api/v1/applications').set('idempotency-key', key).send(body).expect(202);
    expect(again.body).toEqual(first.body);
  });

  it('keeps keys apart per caller: the same key of another caller runs', async () => {
    stubs.clear();
    const key = randomUUID();
    const cohort = randomUUID();
    const coordinatorEmail = `${randomUUID()}@staff.test`;
    await http().post('/api/v1/accounts').set(adminHeaders).send({ email: coordinatorEmail, password: 'coordinator password', role: 'coordinator' }).expect(201);
    const coordinator = (await http().post('/api/v1/auth/sign-in').send({ email: coordinatorEmail, password: 'coordinator password' }).expect(200)).body;

    await http().post(`/api/v1/cohorts/${cohort}/runs`).set(adminHeaders).set('idempotency-key', key).send({}).expect(201);
    await http().post(`/api/v1/cohorts/${cohort}/runs`).set('authorization', `Bearer ${coordinator.accessToken}`).set('idempotency-key', key).send({}).expect(201);

    expect(stubs.received.filter((received) => received.url === `/cohorts/${cohort}/runs`)).toHaveLength(2);
  });

  it('forgets a key whose request failed on the server side, so a retry runs', async () => {
    stubs.clear();
    const key = randomUUID();
    const cohort = randomUUID();
    stubs.answer = () => ({ status: 503, body: { status: 503 }, contentType: 'application/problem+json' });
    await http().post(`/api/v1/cohorts/${cohort}/open`).set(adminHeaders).set('idempotency-key', key).send({}).expect(503);
    stubs.answer = () => ({ status: 200, body: { status: 'open' } });
    await http().post(`/api/v1/cohorts/${cohort}/open`).set(adminHeaders).set('idempotency-key', key).send({}).expect(200);
    expect(stubs.received.filter((received) => received.url === `/cohorts/${cohort}/open`)).toHaveLength(2);
  });

  it('refuses a key that is not a short token', async () => {
    const response = await http().post(`/api/v1/cohorts/${randomUUID()}/open`).set(adminHeaders).set('idempotency-key', 'not a token!').send({}).expect(400);
    expect(response.body.detail).toMatch(/Idempotency-Key must be/);
  });

  it('keeps answers sealed: no stored row holds a response in clear', async () => {
    const key = randomUUID();
    const created = await http().post('/api/v1/partner-keys').set(adminHeaders).set('idempotency-key', key).send({ organisationId: randomUUID(), name: 'Sealed' }).expect(201);
    const rows: { response: Buffer }[] = await gateway.dataSource.query(`SELECT response FROM idempotent_requests WHERE key = $1`, [key]);
    expect(rows).toHaveLength(1);
    expect(rows[0].response.toString('latin1')).not.toContain(created.body.key);
  });
});

function mediaTypeOf(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0];
}
