import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createProbeApp } from '../test-support/probe-app.fixture';
import { resetPinoLoggerForTests } from '../test-support/reset-pino-logger';
import { createServiceApp, startServiceApp } from './create-service-app';
import { PlatformModule } from './platform.module';

@Controller('hello')
class HelloController {
  @Get()
  hello(): { greeting: string } {
    return { greeting: 'hello' };
  }
}

@Module({
  imports: [PlatformModule.forRoot({ serviceName: 'hello-service', logLevel: 'silent' })],
  controllers: [HelloController],
})
class HelloAppModule {}

@Module({ controllers: [HelloController] })
class BareModule {}

describe('createServiceApp', () => {
  let app: INestApplication | undefined;

  beforeEach(() => {
    resetPinoLoggerForTests();
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('returns the application configured but not yet listening', async () => {
    app = await createServiceApp(HelloAppModule, {}, { authentication: 'edge' });

    expect(app.getHttpServer().listening).toBe(false);
  });

  it('serves with the platform in place once started', async () => {
    app = await createServiceApp(HelloAppModule, {}, { authentication: 'edge' });
    await startServiceApp(app, 0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;

    const hello = await fetch(`http://127.0.0.1:${port}/hello`, { headers: { 'x-correlation-id': 'started-1' } });
    const missing = await fetch(`http://127.0.0.1:${port}/nowhere`);

    expect(hello.status).toBe(200);
    expect(hello.headers.get('x-correlation-id')).toBe('started-1');
    expect(hello.headers.get('x-powered-by')).toBeNull();
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses a module without PlatformModule and says what is missing', async () => {
    await expect(createServiceApp(BareModule, { logger: false, abortOnError: false }, { authentication: 'edge' })).rejects.toThrow(
      'The application module must import PlatformModule.forRoot',
    );
  });
});

describe('graceful shutdown', () => {
  it('answers not ready while it waits for the load balancer to let go', async () => {
    const app = await createProbeApp({ shutdownDelayMs: 300 });
    await app.listen(0, '127.0.0.1');
    const ready = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/health/ready`;
    expect((await fetch(ready)).status).toBe(200);

    // What the SIGTERM hook enabled by configureServiceApp calls; the public type omits the signal.
    const closing = (app as unknown as { close(signal: string): Promise<void> }).close('SIGTERM');
    const response = await fetch(ready);
    await closing;

    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'shutting_down' });
  });
});
