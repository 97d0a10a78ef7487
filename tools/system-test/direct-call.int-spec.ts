import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { Client } from 'pg';
import { HOP_TOKEN_HEADER, HopSigner } from '@cmp/platform';
import { hopHeaders, SystemUnderTest } from '@cmp/testing';

const SERVICES = ['enrolment', 'matching', 'scheduling', 'notifications', 'evaluation'] as const;
type Service = (typeof SERVICES)[number];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** Orchestrators and the gateway's system health ask these without a token; they say nothing about anyone. */
const OPEN_PROBES = ['/health/live', '/health/ready'];

interface Route {
  readonly service: Service;
  readonly method: string;
  /** The path with every parameter filled in. */
  readonly path: string;
}

/**
 * Calling a service directly, past the gateway: every route each service itself declares (read
 * from its own OpenAPI document, so a route added tomorrow is tried too) refuses a request with
 * no hop token, a forged one, an expired one, or a valid one for another path, method or service,
 * and nothing is written anywhere in the services' schemas.
 */
describe('a service called directly, without the gateway', () => {
  let system: SystemUnderTest;
  let routes: Route[];
  const forger = (() => {
    const { privateKey } = generateKeyPairSync('ed25519');
    return privateKey.export({ format: 'jwk' });
  })();

  beforeAll(async () => {
    system = await SystemUnderTest.start({ services: [...SERVICES] });
    routes = (await Promise.all(SERVICES.map(routesOf))).flat();
  }, 300_000);
  afterAll(() => system?.stop());

  async function routesOf(service: Service): Promise<Route[]> {
    const headers = await hopHeaders({ audience: service, caller: 'system:direct-call-test', method: 'GET', pathAndQuery: '/openapi.json' }, system.hopKeys.signingKey);
    const document = (await (await fetch(`${system.url(service)}/openapi.json`, { headers })).json()) as { paths: Record<string, Record<string, unknown>> };
    const declared = Object.entries(document.paths).flatMap(([template, operations]) =>
      METHODS.filter((method) => method in operations).map((method) => ({ service, method: method.toUpperCase(), path: template.replace(/\{[^}]+\}/g, () => randomUUID()) })),
    );
    // What the platform serves besides the service's own controllers; the liveness and readiness
    // probes are the one exception, open by design (tried below).
    const platform = ['/openapi.json', '/docs', '/metrics'].filter((path) => !declared.some((route) => route.method === 'GET' && route.path === path));
    return [...declared.filter((route) => !OPEN_PROBES.includes(route.path)), ...platform.map((path) => ({ service, method: 'GET', path }))];
  }

  async function rowCounts(): Promise<Record<string, number>> {
    const client = new Client({ connectionString: system.adminDatabaseUrl });
    await client.connect();
    try {
      const { rows: tables } = await client.query<{ schema: string; name: string }>(
        `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE'`,
        [[...SERVICES]],
      );
      const counts: Record<string, number> = {};
      for (const { schema, name } of tables) {
        const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}"."${name}"`);
        counts[`${schema}.${name}`] = rows[0].n;
      }
      return counts;
    } finally {
      await client.end();
    }
  }

  const sign = async (route: Route, overrides: { audience?: string; method?: string; path?: string; key?: string; now?: () => Date } = {}) => {
    const signer = await HopSigner.fromJwk(overrides.key ?? system.hopKeys.signingKey, overrides.now);
    return signer.sign({ audience: overrides.audience ?? route.service, caller: 'admin:direct-call-test', method: overrides.method ?? route.method, pathAndQuery: overrides.path ?? route.path });
  };

  const variants: ReadonlyArray<[string, (route: Route) => Promise<string | undefined>]> = [
    ['no token', async () => undefined],
    ['a token signed by another key under the trusted kid', (route) => sign(route, { key: JSON.stringify({ ...forger, kid: JSON.parse(system.hopKeys.signingKey).kid }) })],
    ['an expired token', (route) => sign(route, { now: () => new Date(Date.now() - 120_000) })],
    ['a token for another path', (route) => sign(route, { path: `${route.path}/../elsewhere` })],
    ['a token for another method', (route) => sign(route, { method: route.method === 'GET' ? 'POST' : 'GET' })],
    ['a token for another service', (route) => sign(route, { audience: SERVICES.find((other) => other !== route.service) })],
  ];

  it('finds the routes of every service', () => {
    for (const service of SERVICES) expect(routes.filter((route) => route.service === service).length).toBeGreaterThan(3);
    expect(routes).toEqual(expect.arrayContaining([expect.objectContaining({ service: 'enrolment', method: 'POST', path: expect.stringMatching(/^\/people\/[^/]+\/erase$/) })]));
  });

  it.each(variants)('refuses every route with %s (401) and writes nothing', async (_variant, tokenFor) => {
    const before = await rowCounts();
    const answers: string[] = [];
    for (const route of routes) {
      const token = await tokenFor(route);
      const response = await fetch(`${system.url(route.service)}${route.path}`, {
        method: route.method,
        headers: { 'content-type': 'application/json', 'x-actor': 'admin:1', ...(token ? { [HOP_TOKEN_HEADER]: token } : {}) },
        body: route.method === 'GET' || route.method === 'DELETE' ? undefined : JSON.stringify({}),
      });
      const type = response.headers.get('content-type') ?? '';
      await response.arrayBuffer();
      if (response.status !== 401 || !type.startsWith('application/problem+json')) answers.push(`${route.service} ${route.method} ${route.path}: ${response.status} ${type}`);
    }
    expect(answers).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  it('checks roles and ownership itself, even for a caller the gateway signed for', async () => {
    const person = randomUUID();
    const other = randomUUID();
    const before = await rowCounts();
    const cases: ReadonlyArray<[Service, string, string, string, number]> = [
      ['enrolment', 'GET', '/mentees', 'anonymous', 401],
      ['enrolment', 'GET', '/mentees', `mentee:${person}`, 403],
      ['enrolment', 'GET', '/mentees', 'partner:org-1', 403],
      ['enrolment', 'GET', `/people/${person}/export`, `mentee:${other}`, 403],
      ['enrolment', 'POST', `/people/${person}/erase`, `mentor:${other}`, 403],
      ['enrolment', 'POST', `/people/${person}/erase`, 'partner:org-1', 403],
      ['enrolment', 'GET', `/organisations/${person}`, `partner:${other}`, 403],
      ['enrolment', 'POST', '/organisations', `mentee:${person}`, 403],
      ['matching', 'POST', `/cohorts/${person}/runs`, `mentor:${person}`, 403],
      ['matching', 'GET', `/people/${person}/matches`, `mentee:${other}`, 403],
      ['matching', 'POST', `/matches/${person}/confirm`, 'anonymous', 401],
      ['evaluation', 'GET', '/reports/export.csv', `mentee:${person}`, 403],
      ['notifications', 'GET', '/deliveries', `mentee:${person}`, 403],
      ['scheduling', 'PUT', `/cohorts/${person}/rhythm`, `mentor:${person}`, 403],
      // The same callers on their own things pass the check (what follows is the service's business).
      ['enrolment', 'GET', '/mentees', 'coordinator:c-1', 200],
      ['enrolment', 'GET', `/people/${person}/export`, `mentee:${person}`, 404],
      ['matching', 'GET', `/people/${person}/matches`, `mentee:${person}`, 200],
    ];
    const answers = [];
    for (const [service, method, path, caller, _expected] of cases) {
      const headers = await hopHeaders({ audience: service, caller, method, pathAndQuery: path }, system.hopKeys.signingKey);
      const response = await fetch(`${system.url(service)}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: method === 'GET' ? undefined : JSON.stringify({ sunday: 1 }),
      });
      await response.arrayBuffer();
      answers.push([service, method, path, caller, response.status]);
    }
    expect(answers).toEqual(cases);
    expect(await rowCounts()).toEqual(before);
  });

  it('declares who may call every route: signed but anonymous, only the public ones get past the role check', async () => {
    const before = await rowCounts();
    const passed: string[] = [];
    for (const route of routes) {
      const headers = await hopHeaders({ audience: route.service, caller: 'anonymous', method: route.method, pathAndQuery: route.path }, system.hopKeys.signingKey);
      const response = await fetch(`${system.url(route.service)}${route.path}`, {
        method: route.method,
        headers: { 'content-type': 'application/json', ...headers },
        body: route.method === 'GET' || route.method === 'DELETE' ? undefined : JSON.stringify({}),
      });
      const body = await response.text();
      // A route without a rule would answer 403 "declares no access rule" (fail closed), a bug all the same.
      expect(body).not.toContain('declares no access rule');
      if (response.status !== 401) passed.push(`${route.service} ${route.method} ${route.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')}`);
    }
    expect(passed.sort()).toEqual(
      [
        'enrolment POST /applications',
        'enrolment POST /mentors',
        'evaluation GET /surveys/answer/:id',
        'evaluation POST /surveys/answer/:id',
        'scheduling GET /feeds/:id',
        ...SERVICES.flatMap((service) => [`${service} GET /docs`, `${service} GET /metrics`, `${service} GET /openapi.json`]),
      ].sort(),
    );
    // The public routes refused the empty bodies and unknown links: nothing was written.
    expect(await rowCounts()).toEqual(before);
  });

  it('answers only the liveness and readiness probes without a token', async () => {
    for (const service of SERVICES) {
      for (const probe of OPEN_PROBES) expect((await fetch(`${system.url(service)}${probe}`)).status).toBe(200);
    }
  });

  it('refuses a valid token replayed on its own request', async () => {
    const route: Route = { service: 'enrolment', method: 'GET', path: '/mentees' };
    const token = await sign(route);
    const first = await fetch(`${system.url('enrolment')}/mentees`, { headers: { [HOP_TOKEN_HEADER]: token } });
    expect(first.status).toBe(200);
    const replayed = await fetch(`${system.url('enrolment')}/mentees`, { headers: { [HOP_TOKEN_HEADER]: token } });
    expect(replayed.status).toBe(401);
  });

  it('listens on loopback only, so other machines cannot reach a service at all', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    for (const service of SERVICES) {
      const port = new URL(system.url(service)).port;
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
      if (external) await expect(fetch(`http://${external.address}:${port}/health/live`)).rejects.toThrow();
    }
  });
});
