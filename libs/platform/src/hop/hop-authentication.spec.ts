import { Controller, Get, type INestApplication, Module, Param, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { generateKeyPairSync } from 'node:crypto';
import { resetPinoLoggerForTests } from '../test-support/reset-pino-logger';
import request from 'supertest';
import { type Caller } from '@cmp/kernel';
import { configureServiceApp } from '../bootstrap/create-service-app';
import { PlatformModule } from '../bootstrap/platform.module';
import { setupOpenApi } from '../openapi/setup-openapi';
import { Access, CallerName, CurrentActor, CurrentCaller, ownParam, Public, Roles, STAFF } from './caller.decorators';
import { HopSigner } from './hop-signer';
import { HOP_TOKEN_HEADER } from './hop-token';

const calls: string[] = [];

@Controller()
class ProbeController {
  @Get('public')
  @Public()
  open(@CurrentCaller() caller: Caller) {
    calls.push('public');
    return { caller };
  }

  @Post('people/:id/erase')
  @Access({ ...STAFF, mentee: ownParam('id') })
  erase(@CallerName() by: string, @Param('id') id: string) {
    calls.push(`erase ${id}`);
    return { erased: id, by };
  }

  @Get('mine')
  @Public()
  mine(@CurrentActor() actor: unknown) {
    calls.push('mine');
    return actor;
  }

  @Get('undeclared')
  undeclared() {
    calls.push('undeclared');
    return {};
  }

  @Get('staff-only')
  @Roles('coordinator')
  staffOnly() {
    calls.push('staff-only');
    return {};
  }
}

@Module({ imports: [PlatformModule.forRoot({ serviceName: 'probe', logLevel: 'silent' })], controllers: [ProbeController] })
class ProbeModule {}

function jwk(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { signingKey: JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid }), publicKeys: JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid }] }) };
}

async function expectStatus(response: Promise<request.Response>, status: number): Promise<request.Response> {
  const answered = await response;
  expect({ status: answered.status, body: answered.body }).toEqual({ status, body: expect.anything() });
  return answered;
}

describe('hop authentication of a service', () => {
  const keys = jwk('hop-1');
  let app: INestApplication;
  let signer: HopSigner;

  beforeAll(async () => {
    resetPinoLoggerForTests();
    signer = await HopSigner.fromJwk(keys.signingKey);
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    configureServiceApp(app, { authentication: { hopPublicKeys: keys.publicKeys } });
    setupOpenApi(app, { title: 'probe', description: 'probe' });
    await app.init();
  });
  afterAll(() => app?.close());
  beforeEach(() => (calls.length = 0));

  const signed = async (method: 'GET' | 'POST', path: string, caller: string, overrides: { audience?: string; signedPath?: string } = {}) => {
    const token = await signer.sign({ audience: overrides.audience ?? 'probe', caller, method, pathAndQuery: overrides.signedPath ?? path });
    const response: request.Response = await request(app.getHttpServer())[method === 'GET' ? 'get' : 'post'](path).set(HOP_TOKEN_HEADER, token);
    return response;
  };

  it('answers liveness and readiness without a token, and nothing else', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await request(app.getHttpServer()).get('/health/ready').expect(200);
    for (const path of ['/public', '/openapi.json', '/docs', '/metrics', '/no-such-path', '/health/live/../../public', '/health/ready?x=1']) {
      const response = await request(app.getHttpServer()).get(path);
      expect({ path, status: response.status, type: response.headers['content-type'] }).toEqual({ path, status: 401, type: expect.stringMatching(/^application\/problem\+json/) });
    }
    expect(calls).toEqual([]);
  });

  it('answers a 401 problem naming the reason before any handler runs', async () => {
    const response = await request(app.getHttpServer()).post('/people/p-1/erase').set('x-actor', 'admin:1').expect(401);
    expect(response.body).toMatchObject({ type: 'https://cmp.dk/problems/unauthorized', status: 401, detail: expect.stringContaining(HOP_TOKEN_HEADER) });
    const forAnotherService = await signed('POST', '/people/p-1/erase', 'admin:1', { audience: 'enrolment' });
    expect(forAnotherService.status).toBe(401);
    expect(forAnotherService.body.detail).toBe("the hop token's aud claim is not acceptable");
    const forAnotherPath = await signed('POST', '/people/p-1/erase', 'admin:1', { signedPath: '/people/p-2/erase' });
    expect(forAnotherPath.status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('hands the verified caller to the handler, anonymous included', async () => {
    expect((await expectStatus(signed('GET', '/public', 'anonymous'), 200)).body).toEqual({ caller: 'anonymous' });
    expect((await expectStatus(signed('GET', '/public', 'mentor:m-1'), 200)).body).toEqual({ caller: { role: 'mentor', id: 'm-1' } });
    expect((await expectStatus(signed('GET', '/mine', 'partner:o-1'), 200)).body).toEqual({ role: 'partner', id: 'o-1' });
    await expectStatus(signed('GET', '/mine', 'anonymous'), 401);
  });

  it('checks roles and ownership as the route table says, before the handler runs', async () => {
    expect((await expectStatus(signed('POST', '/people/p-1/erase', 'coordinator:c-1'), 201)).body).toEqual({ erased: 'p-1', by: 'coordinator:c-1' });
    await expectStatus(signed('POST', '/people/p-1/erase', 'mentee:p-1'), 201);
    await expectStatus(signed('POST', '/people/p-1/erase', 'mentee:p-2'), 403);
    await expectStatus(signed('POST', '/people/p-1/erase', 'mentor:p-1'), 403);
    await expectStatus(signed('POST', '/people/p-1/erase', 'anonymous'), 401);
    await expectStatus(signed('GET', '/staff-only', 'admin:a-1'), 403);
    await expectStatus(signed('GET', '/staff-only', 'coordinator:c-1'), 200);
    expect(calls).toEqual(['erase p-1', 'erase p-1', 'staff-only']);
  });

  it('refuses everyone on a route that declares no access rule (fail closed)', async () => {
    for (const caller of ['admin:a-1', 'coordinator:c-1', 'system:s', 'anonymous']) await expectStatus(signed('GET', '/undeclared', caller), 403);
    expect(calls).toEqual([]);
  });

  it('serves its OpenAPI document to a signed caller', async () => {
    const response = await expectStatus(signed('GET', '/openapi.json', 'system:gateway'), 200);
    expect(response.body.openapi).toMatch(/^3\./);
  });
});
