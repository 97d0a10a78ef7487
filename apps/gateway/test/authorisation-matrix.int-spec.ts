import { randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import request from 'supertest';
import { MatchConfirmed, MatchEnded, toKafkaBinaryMessage } from '@cmp/contracts';
import { createKafka } from '@cmp/messaging';
import { testInfrastructure, waitFor } from '@cmp/testing';
import { signAccessToken } from '../src/application/sessions/access-token';
import { Role, ROLES } from '../src/domain/principal';
import { AccessRule, RouteDefinition } from '../src/domain/route-definition';
import { ROUTE_TABLE } from '../src/routes/route-table';
import { BOOTSTRAP_ADMIN, GatewayTestApp, startGateway, TEST_JWT_SECRET } from './gateway-test-app';
import { StubUpstreams } from './stub-upstreams';

/** Who calls in one cell of the matrix. */
type CallerName = 'no credential' | 'expired token' | 'forged token' | Role;

interface Caller {
  /** Authorization or x-api-key header. */
  readonly headers: Record<string, string>;
  /** The id the caller is known by (`x-actor` id); undefined for callers without a valid credential. */
  readonly subjectId?: string;
  readonly role?: Role;
}

/**
 * One cell: a caller, the ids placed in the route's path, and whether the gateway must let the
 * request through. Generated from the route table, so a new route is in the matrix the moment
 * it is in the table.
 */
interface Cell {
  readonly caller: CallerName;
  readonly label: string;
  readonly ids: (callers: Record<CallerName, Caller>, fixtures: Fixtures) => Record<string, string>;
  readonly expected: 'allow' | 401 | 403;
}

interface Fixtures {
  readonly otherMenteeId: string;
  readonly mentorsMenteeId: string;
  /** The mentor's confirmed match with their mentee; the mentee's match with another mentor, ended since. */
  readonly matchOf: Readonly<Record<'mentee' | 'mentor', string>>;
}

const SPOOFED_ACTOR = 'admin:spoofed-by-client';

function paramsOf(route: RouteDefinition): string[] {
  return [...route.path.matchAll(/:([A-Za-z][A-Za-z0-9]*)/g)].map(([, name]) => name);
}

function ownershipParam(rule: AccessRule): string | undefined {
  return rule.kind !== 'any' && 'param' in rule.from ? rule.from.param : undefined;
}

function randomIds(route: RouteDefinition): Record<string, string> {
  return Object.fromEntries(paramsOf(route).map((name) => [name, randomUUID()]));
}

function cellsOf(route: RouteDefinition): Cell[] {
  const anonymousExpectation = route.access === 'public' ? 'allow' : 401;
  const cells: Cell[] = (['no credential', 'expired token', 'forged token'] as const).map((caller) => ({
    caller,
    label: caller,
    ids: () => randomIds(route),
    expected: anonymousExpectation,
  }));
  for (const role of ROLES) {
    const rule = route.access === 'public' ? ({ kind: 'any' } as const) : route.access[role];
    if (!rule) {
      // Refused even when every id in the path is the caller's own.
      cells.push({ caller: role, label: `${role} (role not listed)`, ids: (callers) => ownIds(route, callers[role]), expected: 403 });
      continue;
    }
    const param = ownershipParam(rule);
    if (param && rule.kind === 'own-match') {
      if (role !== 'mentee' && role !== 'mentor') throw new Error(`the matrix has no match for a ${role}`);
      const other = role === 'mentee' ? 'mentor' : 'mentee';
      cells.push({ caller: role, label: `${role} on their own match`, ids: (_, fixtures) => ({ ...randomIds(route), [param]: fixtures.matchOf[role] }), expected: 'allow' });
      cells.push({ caller: role, label: `${role} on another pair's match`, ids: (_, fixtures) => ({ ...randomIds(route), [param]: fixtures.matchOf[other] }), expected: 403 });
      cells.push({ caller: role, label: `${role} on their own person id`, ids: (callers) => ({ ...randomIds(route), [param]: callers[role].subjectId ?? '' }), expected: 403 });
      continue;
    }
    if (!param) {
      cells.push({ caller: role, label: role, ids: () => randomIds(route), expected: 'allow' });
      continue;
    }
    cells.push({ caller: role, label: `${role} on own id`, ids: (callers) => ({ ...randomIds(route), [param]: callers[role].subjectId ?? '' }), expected: 'allow' });
    cells.push({
      caller: role,
      label: `${role} on another person's id`,
      ids: (_, fixtures) => ({ ...randomIds(route), [param]: role === 'mentee' || role === 'mentor' ? fixtures.otherMenteeId : randomUUID() }),
      expected: 403,
    });
    if (rule.kind === 'self-or-mentee') {
      cells.push({ caller: role, label: `${role} on their mentee's id`, ids: (_, fixtures) => ({ ...randomIds(route), [param]: fixtures.mentorsMenteeId }), expected: 'allow' });
    }
  }
  return cells;
}

function ownIds(route: RouteDefinition, caller: Caller): Record<string, string> {
  return Object.fromEntries(paramsOf(route).map((name) => [name, caller.subjectId ?? randomUUID()]));
}

function pathWith(template: string, ids: Record<string, string>): string {
  return template.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_, name: string) => ids[name]);
}

describe('authorisation matrix: every route × every caller', () => {
  let stubs: StubUpstreams;
  let gateway: GatewayTestApp;
  const callers = {} as Record<CallerName, Caller>;
  let fixtures: Fixtures;

  const http = () => request(gateway.app.getHttpServer());

  async function signIn(email: string, password: string): Promise<{ accessToken: string }> {
    return (await http().post('/api/v1/auth/sign-in').send({ email, password }).expect(200)).body;
  }

  async function enrolPerson(path: '/api/v1/applications' | '/api/v1/mentors'): Promise<{ id: string; token: string }> {
    const email = `${randomUUID()}@people.test`;
    const password = 'a long enough password';
    let personId = '';
    stubs.answer = () => ({ status: 201, body: { id: (personId = randomUUID()) } });
    await http().post(path).send({ email, password, name: 'Test Person' }).expect(202);
    stubs.answer = () => ({ status: 200, body: { id: randomUUID() } });
    return { id: personId, token: (await signIn(email, password)).accessToken };
  }

  beforeAll(async () => {
    stubs = await StubUpstreams.start();
    gateway = await startGateway({ upstreams: stubs.urls });

    const admin = await signIn(BOOTSTRAP_ADMIN.email, BOOTSTRAP_ADMIN.password);
    const adminPrincipal = (await http().get('/api/v1/auth/me').set('authorization', `Bearer ${admin.accessToken}`).expect(200)).body;
    callers.admin = { headers: { authorization: `Bearer ${admin.accessToken}` }, subjectId: adminPrincipal.subjectId, role: 'admin' };

    const coordinatorEmail = `${randomUUID()}@staff.test`;
    const coordinator = (
      await http().post('/api/v1/accounts').set(callers.admin.headers).send({ email: coordinatorEmail, password: 'coordinator password', role: 'coordinator' }).expect(201)
    ).body;
    const coordinatorTokens = await signIn(coordinatorEmail, 'coordinator password');
    callers.coordinator = { headers: { authorization: `Bearer ${coordinatorTokens.accessToken}` }, subjectId: coordinator.id, role: 'coordinator' };

    const mentee = await enrolPerson('/api/v1/applications');
    const otherMentee = await enrolPerson('/api/v1/applications');
    const mentor = await enrolPerson('/api/v1/mentors');
    callers.mentee = { headers: { authorization: `Bearer ${mentee.token}` }, subjectId: mentee.id, role: 'mentee' };
    callers.mentor = { headers: { authorization: `Bearer ${mentor.token}` }, subjectId: mentor.id, role: 'mentor' };

    const organisationId = randomUUID();
    const key = (await http().post('/api/v1/partner-keys').set(callers.admin.headers).send({ organisationId, name: 'HR system' }).expect(201)).body.key;
    callers.partner = { headers: { 'x-api-key': key }, subjectId: organisationId, role: 'partner' };

    // An expired token of a live session, and a token signed with someone else's secret.
    const claims = JSON.parse(Buffer.from(coordinatorTokens.accessToken.split('.')[1], 'base64url').toString('utf8'));
    const issuedAt = Math.floor(Date.now() / 1000) - 3600;
    const expired = signAccessToken({ ...claims, iat: issuedAt, exp: issuedAt + 900 }, TEST_JWT_SECRET);
    const forged = signAccessToken({ ...claims, role: 'admin' }, 'not-the-gateway-secret-but-long-enough-anyway');
    callers['no credential'] = { headers: {} };
    callers['expired token'] = { headers: { authorization: `Bearer ${expired}` } };
    callers['forged token'] = { headers: { authorization: `Bearer ${forged}` } };

    // Who is matched with whom is learnt from matching's events, through the real broker: the
    // mentor with their mentee (confirmed), and the mentee with another mentor (confirmed, then
    // ended: a pair's match stays their own after it ends).
    const mentorsMentee = await enrolPerson('/api/v1/applications');
    const mentorsMatchId = randomUUID();
    const menteesMatch = { matchId: randomUUID(), cohortId: randomUUID(), menteeId: mentee.id, mentorId: randomUUID() };
    const producer = createKafka({ brokers: testInfrastructure().kafkaBrokers, sasl: testInfrastructure().kafkaSasl, clientId: 'gateway-test-matching' }).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const publish = (type: string, topic: string, data: { readonly matchId: string; readonly [field: string]: unknown }) =>
      producer.send({
        topic,
        messages: [
          toKafkaBinaryMessage(
            {
              specversion: '1.0',
              id: randomUUID(),
              source: '/cmp/matching',
              type,
              time: new Date().toISOString(),
              subject: data.matchId,
              datacontenttype: 'application/json',
              correlationid: 'matrix',
              data,
            },
            data.matchId,
          ),
        ],
      });
    const confirmedAt = new Date().toISOString();
    await publish(MatchConfirmed.type, MatchConfirmed.topic, { matchId: mentorsMatchId, cohortId: randomUUID(), menteeId: mentorsMentee.id, mentorId: mentor.id, confirmedAt });
    await publish(MatchConfirmed.type, MatchConfirmed.topic, { ...menteesMatch, confirmedAt });
    await publish(MatchEnded.type, MatchEnded.topic, { ...menteesMatch, reason: 'completed' });
    await producer.disconnect();
    await waitFor(
      async () =>
        (
          await gateway.dataSource.query(
            `SELECT count(*)::int AS n FROM mentorships WHERE (match_id = $1 AND mentor_id = $2 AND ended_at IS NULL) OR (match_id = $3 AND mentee_id = $4 AND ended_at IS NOT NULL)`,
            [mentorsMatchId, mentor.id, menteesMatch.matchId, mentee.id],
          )
        )[0].n,
      (n) => n === 2,
      { what: 'the mentorships to be projected' },
    );
    fixtures = { otherMenteeId: otherMentee.id, mentorsMenteeId: mentorsMentee.id, matchOf: { mentor: mentorsMatchId, mentee: menteesMatch.matchId } };
  });

  afterAll(async () => {
    await gateway?.close();
    await stubs?.stop();
  });

  describe.each(ROUTE_TABLE.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_, route) => {
    it.each(cellsOf(route).map((cell) => [cell.label, cell.expected === 'allow' ? 'allows' : `answers ${cell.expected}`, cell] as const))(
      '%s: %s',
      async (_label, _outcome, cell) => {
        const caller = callers[cell.caller];
        const path = pathWith(route.path, cell.ids(callers, fixtures));
        const correlationId = `matrix-${randomUUID()}`;
        stubs.clear();
        const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
        let call = http()[method]('/api/v1' + path)
          .set(caller.headers)
          .set('x-actor', SPOOFED_ACTOR)
          .set('x-forwarded-for', '203.0.113.66')
          .set('x-correlation-id', correlationId)
          .set('x-request-id', `req-${correlationId}`);
        if (route.method !== 'GET') call = call.send(route.createsAccount ? { email: `${randomUUID()}@people.test`, password: 'a long enough password' } : {});
        const response = await call;

        if (cell.expected !== 'allow') {
          expect({ status: response.status, type: response.headers['content-type'] }).toEqual({ status: cell.expected, type: expect.stringMatching(/^application\/problem\+json/) });
          expect(stubs.received).toHaveLength(0);
          if (cell.expected === 401) expect(response.headers['www-authenticate']).toBe('Bearer realm="cmp"');
          return;
        }
        // Past the guard: the handler answers, whatever it makes of the (empty) body or random ids.
        expect([401, 403, 405]).not.toContain(response.status);
        expect(response.body?.type).not.toBe('https://cmp.dk/problems/gateway/no-route');
        if (route.service === 'gateway') return;
        expect(stubs.received).toHaveLength(1);
        const [received] = stubs.received;
        expect(received).toMatchObject({ service: route.service, method: route.method, url: pathWith(route.upstreamPath ?? route.path, paramsFromPath(route, path)) });
        expect(received.actor).toBe(caller.role ? `${caller.role}:${caller.subjectId}` : undefined);
        expect(received.headers['x-actor']).toBeUndefined();
        expect(received.headers['x-correlation-id']).toBe(correlationId);
        expect(received.headers['x-request-id']).toBe(`req-${correlationId}`);
        // The address the gateway saw, not the one the client claimed (no trusted proxy here).
        expect(received.headers['x-forwarded-for']).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
        expect(received.headers['authorization']).toBeUndefined();
        expect(received.headers['x-api-key']).toBeUndefined();
      },
    );
  });

  it('declares every /api/v1 endpoint the gateway serves itself in the route table', () => {
    const router = (gateway.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router;
    const served = router.stack.flatMap(({ route }) =>
      route && route.path.startsWith('/api/v1/') && !route.path.includes('*') ? Object.keys(route.methods).map((method) => `${method.toUpperCase()} ${route.path}`) : [],
    );
    const declared = new Set(ROUTE_TABLE.filter((route) => route.service === 'gateway').map((route) => `${route.method} /api/v1${route.path}`));
    expect(served.length).toBeGreaterThan(0);
    expect(served.filter((route) => !declared.has(route))).toEqual([]);
    expect([...declared].filter((route) => !served.includes(route))).toEqual([]);
  });

  it('answers 404 for a path no route has and 405 for a known path with the wrong method', async () => {
    const missing = await http().get('/api/v1/nowhere').set(callers.admin.headers).expect(404);
    const wrongMethod = await http().delete(`/api/v1/cohorts/${randomUUID()}`).set(callers.admin.headers).expect(405);
    expect(missing.body.type).toBe('https://cmp.dk/problems/gateway/no-route');
    expect(wrongMethod.body.allowed).toEqual(['GET', 'PATCH']);
    expect(wrongMethod.headers['allow']).toBe('GET, PATCH');
  });
});

function paramsFromPath(route: RouteDefinition, path: string): Record<string, string> {
  const names = route.path.split('/');
  const values = path.split('/');
  return Object.fromEntries(names.flatMap((name, index) => (name.startsWith(':') ? [[name.slice(1), values[index]]] : [])));
}
