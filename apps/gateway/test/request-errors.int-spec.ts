import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { BOOTSTRAP_ADMIN, GatewayTestApp, startGateway } from './gateway-test-app';
import { StubUpstreams } from './stub-upstreams';

const PROBLEM_JSON = /^application\/problem\+json/;

describe('the gateway refuses bad requests clearly, never with a 500', () => {
  let stubs: StubUpstreams;
  let gateway: GatewayTestApp;
  let adminToken: string;
  const http = () => request(gateway.app.getHttpServer());

  beforeAll(async () => {
    stubs = await StubUpstreams.start();
    gateway = await startGateway({ upstreams: stubs.urls, rateLimits: { signInPerMinute: 3, signUpPerMinute: 3 } });
    // Signed in before the rate-limit test spends the sign-in allowance (and counted in it).
    adminToken = (await http().post('/api/v1/auth/sign-in').send(BOOTSTRAP_ADMIN).expect(200)).body.accessToken;
  });

  afterAll(async () => {
    await gateway?.close();
    await stubs?.stop();
  });
  // First: the other tests sign in too, which would spend this one's allowance.
  it('limits sign-ins and applications separately, and says so in its own words', async () => {
    const signIns = [];
    for (let attempt = 0; attempt < 3; attempt++) signIns.push((await http().post('/api/v1/auth/sign-in').send({ email: 'nobody@people.test', password: 'wrong' })).status);
    const limited = await http().post('/api/v1/auth/sign-in').send({ email: 'nobody@people.test', password: 'wrong' });

    expect(signIns).toEqual([401, 401, 429]);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ type: 'https://cmp.dk/problems/too-many-requests', status: 429 });
    expect(limited.body.detail).toMatch(/^Too many requests from your address: at most 3 per 60 s for this route\. Try again in \d+ s\.$/);
    expect(limited.body.detail).not.toMatch(/ThrottlerException/);

    // The sign-in allowance is spent; applying still works, on its own allowance.
    await http().post('/api/v1/applications').send({ email: `${randomUUID()}@people.test`, name: 'Applicant' }).expect(202);
  });
  it('refuses a text/plain body with 415, before any service sees it', async () => {
    stubs.clear();
    const response = await http().post('/api/v1/applications').set('content-type', 'text/plain').send(JSON.stringify({ email: 'plain@people.test' })).expect(415);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({ type: 'https://cmp.dk/problems/unsupported-media-type', detail: 'The request body must be sent as application/json. It came as text/plain.' });
    expect(stubs.received).toHaveLength(0);
  });

  it('refuses a form-encoded sign-in with 415', async () => {
    const response = await http().post('/api/v1/auth/sign-in').type('form').send({ email: BOOTSTRAP_ADMIN.email, password: BOOTSTRAP_ADMIN.password }).expect(415);
    expect(response.body.type).toBe('https://cmp.dk/problems/unsupported-media-type');
  });

  it.each([['an array', '[{"email": "a@people.test"}]'], ['null', 'null'], ['a number', '7']])('answers %s as the body with "the body must be a JSON object"', async (_name, body) => {
    stubs.clear();
    const response = await http().post('/api/v1/applications').set('content-type', 'application/json').send(body).expect(400);
    expect(response.body).toMatchObject({ status: 400, detail: 'The body must be a JSON object.' });
    expect(stubs.received).toHaveLength(0);
  });

  it('says a missing field is required', async () => {
    const response = await http().post('/api/v1/applications').send({ name: 'No Email' }).expect(400);
    expect(response.body.errors).toEqual([{ field: 'email', messages: ['email is required'] }]);
  });

  it('refuses a garbage bearer token sent next to a valid API key', async () => {
    const organisationId = randomUUID();
    const key = (await http().post('/api/v1/partner-keys').set('authorization', `Bearer ${adminToken}`).send({ organisationId, name: 'HR' }).expect(201)).body.key;
    const path = `/api/v1/partners/${organisationId}/webhook-subscriptions`;

    await http().get(path).set('x-api-key', key).expect(200);
    const refused = await http().get(path).set('x-api-key', key).set('authorization', 'Bearer garbage').expect(401);
    expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
    // Another caller's valid token next to the key is refused as well: one request, one caller.
    await http().get(path).set('x-api-key', key).set('authorization', `Bearer ${adminToken}`).expect(401);
  });

});
