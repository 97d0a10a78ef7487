import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccountsController } from '../src/http/accounts.controller';
import { AuthController } from '../src/http/auth.controller';
import { PartnerKeysController } from '../src/http/partner-keys.controller';
import { ProxyController } from '../src/http/proxy.controller';
import { SystemHealthController } from '../src/http/system-health.controller';
import { RouteDefinition } from '../src/domain/route-definition';
import { ROUTE_TABLE } from '../src/routes/route-table';
import { GatewayTestApp, startGateway } from './gateway-test-app';
import { StubUpstreams } from './stub-upstreams';

interface RawAnswer {
  readonly status: number;
  readonly contentType: string;
}

/** One request with the path exactly as written: HTTP clients that build a URL first would normalise the variants away. */
function sendRaw(port: number, method: string, path: string, body?: unknown): Promise<RawAnswer> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, method, path, headers: payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {} },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type'] ?? '') }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

const PREFIX = '/api/v1';

/** The route's path with a fresh id in every parameter, split into its segments (without the prefix). */
function concreteSegments(route: RouteDefinition): string[] {
  return route.path
    .split('/')
    .slice(1)
    .map((segment) => (segment.startsWith(':') ? randomUUID() : segment));
}

function encodeFirstLetter(segment: string): string {
  const index = segment.search(/[A-Za-z]/);
  if (index < 0) return `%${segment.charCodeAt(0).toString(16).toUpperCase()}${segment.slice(1)}`;
  return `${segment.slice(0, index)}%${segment.charCodeAt(index).toString(16).toUpperCase()}${segment.slice(index + 1)}`;
}

function mixedCase(text: string): string {
  return [...text].map((character, index) => (index % 2 === 0 ? character.toUpperCase() : character.toLowerCase())).join('');
}

/**
 * Spellings of one route's path that the route table must not know: each would reach a handler
 * on a lenient router (Express alone matches case-insensitively and ignores a trailing slash),
 * or on a proxy that normalised it before a service saw it.
 */
function variantsOf(route: RouteDefinition): Record<string, string> {
  const segments = concreteSegments(route);
  const rest = segments.join('/');
  const literalIndex = route.path
    .split('/')
    .slice(1)
    .findIndex((segment) => !segment.startsWith(':'));
  const withLiteral = (change: (segment: string) => string) => segments.map((segment, index) => (index === literalIndex ? change(segment) : segment)).join('/');
  const variants: Record<string, string> = {
    'upper-case prefix': `/API/V1/${rest}`,
    'upper-case version': `/api/V1/${rest}`,
    'upper-case path': `${PREFIX}/${withLiteral((segment) => segment.toUpperCase())}`,
    'mixed-case path': `${PREFIX}/${withLiteral(mixedCase)}`,
    'lower-case prefix, capitalised path': `${PREFIX}/${withLiteral((segment) => segment.charAt(0).toUpperCase() + segment.slice(1))}`,
    'trailing slash': `${PREFIX}/${rest}/`,
    'doubled slash after the prefix': `${PREFIX}//${rest}`,
    'doubled slash at the start': `/${PREFIX}/${rest}`,
    'percent-encoded letter': `${PREFIX}/${withLiteral(encodeFirstLetter)}`,
    'percent-encoded letter in the prefix': `/%61pi/v1/${rest}`,
    'dot segment': `${PREFIX}/./${rest}`,
    'dot-dot segment': `${PREFIX}/x/../${rest}`,
    'dot-dot segment across the prefix': `/api/v2/../v1/${rest}`,
    'semicolon parameter on the path': `${PREFIX}/${rest};role=admin`,
    'semicolon parameter on the version': `/api/v1;x=1/${rest}`,
    'another API version': `/api/v2/${rest}`,
    'no API version': `/api/${rest}`,
    'no prefix': `/${rest}`,
  };
  if (segments.length > 1) {
    variants['percent-encoded slash'] = `${PREFIX}/${segments[0]}%2F${segments.slice(1).join('/')}`;
    variants['percent-encoded slash, lower-case'] = `${PREFIX}/${segments[0]}%2f${segments.slice(1).join('/')}`;
  }
  return variants;
}

/** A body that would do harm if any variant got through: an admin account, a key for someone's organisation. */
function harmfulBody(route: RouteDefinition, email: string): unknown {
  if (route.method === 'GET' || route.method === 'DELETE') return undefined;
  return { role: 'admin', email, password: 'a password long enough to pass', organisationId: randomUUID(), name: 'variant' };
}

const HANDLERS = [AuthController, AccountsController, PartnerKeysController, ProxyController, SystemHealthController];

describe('path variants: only the canonical path of a route reaches a handler', () => {
  let stubs: StubUpstreams;
  let gateway: GatewayTestApp;
  let port: number;
  const handlerCalls: string[] = [];
  const attemptedEmails: string[] = [];

  beforeAll(async () => {
    // Every handler of every gateway controller is watched: a variant that reached one fails the test.
    for (const controller of HANDLERS) {
      const prototype = controller.prototype as unknown as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        if (name === 'constructor' || typeof prototype[name] !== 'function') continue;
        const original = prototype[name] as (...args: unknown[]) => unknown;
        prototype[name] = Object.defineProperty(
          function (this: unknown, ...args: unknown[]) {
            handlerCalls.push(`${controller.name}.${name}`);
            return original.apply(this, args);
          },
          'name',
          { value: name },
        );
        Reflect.getMetadataKeys(original).forEach((key: unknown) => Reflect.defineMetadata(key, Reflect.getMetadata(key, original), prototype[name] as object));
      }
    }
    stubs = await StubUpstreams.start();
    gateway = await startGateway({ upstreams: stubs.urls });
    const server = gateway.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await gateway?.close();
    await stubs?.stop();
  });

  it('still serves the canonical paths (the watch on the handlers sees them)', async () => {
    handlerCalls.length = 0;
    expect((await sendRaw(port, 'GET', '/health')).status).toBeLessThan(600);
    expect((await sendRaw(port, 'POST', `${PREFIX}/accounts`, harmfulBody(ROUTE_TABLE[0], 'canonical@cmp.test'))).status).toBe(401);
    const proxied = await sendRaw(port, 'POST', `${PREFIX}/applications`, { email: 'x' });
    expect(proxied.status).toBeLessThan(500);
    expect(handlerCalls).toContain('SystemHealthController.check');
    expect(handlerCalls).toContain('ProxyController.proxy');
    handlerCalls.length = 0;
    stubs.clear();
  });

  describe.each(ROUTE_TABLE.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_, route) => {
    it.each(Object.entries(variantsOf(route)))('refuses the %s variant (%s) with 404 and reaches no handler', async (_label, path) => {
      const email = `variant-${randomUUID()}@cmp.test`;
      attemptedEmails.push(email);
      const answer = await sendRaw(port, route.method, path, harmfulBody(route, email));
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
      expect(answer.contentType).toContain('application/problem+json');
      expect(handlerCalls).toEqual([]);
      expect(stubs.received).toEqual([]);
    });
  });

  it('created no account and no partner key through any variant', async () => {
    const accounts: { count: string }[] = await gateway.dataSource.query(`SELECT count(*) FROM accounts WHERE email = ANY($1)`, [attemptedEmails]);
    const keys: { count: string }[] = await gateway.dataSource.query(`SELECT count(*) FROM api_keys WHERE name = 'variant'`);
    expect(attemptedEmails.length).toBeGreaterThan(ROUTE_TABLE.length);
    expect(Number(accounts[0].count)).toBe(0);
    expect(Number(keys[0].count)).toBe(0);
  });

  it.each([
    ['a path outside the API', 'GET', '/admin'],
    ['the services\' metrics', 'GET', '/metrics'],
    ['the health page with a trailing slash', 'GET', '/health/'],
    ['the health page in capitals', 'GET', '/HEALTH'],
    ['the document under another name', 'GET', '/docs-json'],
    ['the API root', 'GET', '/api/v1'],
    ['the API root with a slash', 'GET', '/api/v1/'],
    ['a POST to the health page', 'POST', '/health'],
  ])('refuses %s (%s %s) with 404', async (_label, method, path) => {
    const answer = await sendRaw(port, method, path);
    expect({ path, status: answer.status }).toEqual({ path, status: 404 });
    expect(handlerCalls).toEqual([]);
  });
});
