import { type INestApplication, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { PlatformModule } from '../bootstrap/platform.module';
import { SwitchableReadinessCheck, createProbeApp } from '../test-support/probe-app.fixture';
import { DatabaseReadinessCheck, type SqlQueryable } from './database.readiness-check';
import type { ReadinessCheck, ReadinessCheckRef } from './readiness-check';

class FakeDatabase implements SqlQueryable {
  readonly statements: string[] = [];
  answers = true;

  async query(sql: string): Promise<unknown> {
    this.statements.push(sql);
    if (!this.answers) {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    }
    return [{ '?column?': 1 }];
  }
}

describe('HealthModule', () => {
  let app: INestApplication;
  let broker: SwitchableReadinessCheck;
  const database = new FakeDatabase();

  beforeAll(async () => {
    app = await createProbeApp({ readinessChecks: [SwitchableReadinessCheck, new DatabaseReadinessCheck(database)] });
    broker = app.get(SwitchableReadinessCheck);
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    broker.ready = true;
    database.answers = true;
  });

  it('reports live while the process answers', async () => {
    const response = await request(app.getHttpServer()).get('/health/live').expect(200);

    expect(response.body).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
  });

  it('is ready when every check passes', async () => {
    const response = await request(app.getHttpServer()).get('/health/ready').expect(200);

    expect(response.body).toMatchObject({
      status: 'ok',
      details: { broker: { status: 'up' }, database: { status: 'up' } },
    });
    expect(database.statements.at(-1)).toBe('SELECT 1');
  });

  it('tells operators which Node.js runs the service', async () => {
    const response = await request(app.getHttpServer()).get('/health/ready').expect(200);

    expect(response.body.details.runtime).toEqual({ status: 'up', node: process.version });
    expect(response.body.details.runtime.node).toMatch(/^v\d+\.\d+\.\d+$/);
  });

  it('reports the runtime even while a check fails', async () => {
    broker.ready = false;

    const response = await request(app.getHttpServer()).get('/health/ready').expect(503);

    expect(response.body.info.runtime).toEqual({ status: 'up', node: process.version });
  });

  it('is not ready while a check fails, and says which one and why', async () => {
    broker.ready = false;

    const response = await request(app.getHttpServer()).get('/health/ready').expect(503);

    expect(response.body).toMatchObject({
      status: 'error',
      info: { database: { status: 'up' } },
      error: { broker: { status: 'down', message: 'broker unreachable' } },
    });
  });

  it('stays ready while an optional dependency fails, and reports it degraded', async () => {
    const degradedApp = await createProbeApp({
      readinessChecks: [
        new DatabaseReadinessCheck(database),
        { name: 'kafka', optional: true, check: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9092')) },
      ],
    });
    try {
      const response = await request(degradedApp.getHttpServer()).get('/health/ready').expect(200);
      expect(response.body.details.kafka).toEqual({ status: 'up', degraded: true, message: 'connect ECONNREFUSED 127.0.0.1:9092' });
      database.answers = false;
      await request(degradedApp.getHttpServer()).get('/health/ready').expect(503);
    } finally {
      await degradedApp.close();
    }
  });

  it('is not ready while the database does not answer', async () => {
    database.answers = false;

    const response = await request(app.getHttpServer()).get('/health/ready').expect(503);

    expect(response.body.error).toEqual({ database: { status: 'down', message: 'connect ECONNREFUSED 127.0.0.1:5432' } });
  });

  it('becomes ready again once the dependency recovers', async () => {
    broker.ready = false;
    await request(app.getHttpServer()).get('/health/ready').expect(503);

    broker.ready = true;
    await request(app.getHttpServer()).get('/health/ready').expect(200);
  });

  it('stays live while not ready', async () => {
    broker.ready = false;

    await request(app.getHttpServer()).get('/health/live').expect(200);
  });
});

describe('HealthModule with a check that hangs', () => {
  it('fails the check after the timeout instead of hanging the probe', async () => {
    const hanging: ReadinessCheck = { name: 'slow', check: () => new Promise<void>(() => undefined) };
    const app = await createProbeApp({ readinessChecks: [hanging], readinessCheckTimeoutMs: 50 });
    try {
      const response = await request(app.getHttpServer()).get('/health/ready').expect(503);

      expect(response.body.error).toEqual({ slow: { status: 'down', message: 'slow did not answer within 50 ms' } });
    } finally {
      await app.close();
    }
  });
});

describe('HealthModule registration', () => {
  @Injectable()
  class UnprovidedCheck implements ReadinessCheck {
    readonly name = 'unprovided';
    async check(): Promise<void> {
      return undefined;
    }
  }

  const DATA_SOURCE = Symbol('DATA_SOURCE');
  const DATABASE_READINESS = Symbol('DATABASE_READINESS');
  const ownedDatabase = new FakeDatabase();

  /** Stands in for the module that owns a service's data source. */
  @Module({
    providers: [
      { provide: DATA_SOURCE, useValue: ownedDatabase },
      {
        provide: DATABASE_READINESS,
        useFactory: (db: SqlQueryable) => new DatabaseReadinessCheck(db),
        inject: [DATA_SOURCE],
      },
    ],
  })
  class PersistenceModule {}

  async function start(readinessChecks: ReadinessCheckRef[]): Promise<INestApplication> {
    const moduleRef = await Test.createTestingModule({
      imports: [PersistenceModule, PlatformModule.forRoot({ serviceName: 'registration', logLevel: 'silent', readinessChecks })],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    return app;
  }

  it('resolves a check provided under a token by the module that owns its dependencies', async () => {
    const app = await start([DATABASE_READINESS]);
    try {
      ownedDatabase.answers = false;
      await request(app.getHttpServer()).get('/health/ready').expect(503);
      ownedDatabase.answers = true;
      await request(app.getHttpServer()).get('/health/ready').expect(200);
    } finally {
      await app.close();
    }
  });

  it('refuses to start when a listed check is provided by no module', async () => {
    await expect(start([UnprovidedCheck])).rejects.toThrow(
      'Readiness check UnprovidedCheck is not provided by any module',
    );
  });

  it('refuses to start when two checks share a name', async () => {
    const first: ReadinessCheck = { name: 'database', check: async () => undefined };
    const second: ReadinessCheck = { name: 'database', check: async () => undefined };

    await expect(start([first, second])).rejects.toThrow('Two readiness checks are named "database"');
  });

  it('refuses to start when a check takes the name the runtime report keys on', async () => {
    const clash: ReadinessCheck = { name: 'runtime', check: async () => undefined };

    await expect(start([clash])).rejects.toThrow('A readiness check is named "runtime"');
  });
});
