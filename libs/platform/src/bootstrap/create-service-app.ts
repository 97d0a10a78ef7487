import { type INestApplication, Logger as NestLogger, type NestApplicationOptions } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef, NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { CorrelationIdMiddleware } from '../correlation/correlation-id.middleware';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { createValidationPipe } from '../errors/validation-pipe.factory';
import { HttpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { RouteTemplateGuard } from '../metrics/route-template.guard';
import { PLATFORM_MODULE_OPTIONS, type PlatformModuleOptions } from './platform-module.options';
import { strictHttpAdapter } from './strict-http-adapter';

/**
 * Creates a service's Nest application and configures it with `configureServiceApp`. The
 * application is returned before it listens, so the caller can connect a Kafka
 * microservice first and then call `startServiceApp`. `module` must import
 * `PlatformModule.forRoot(...)`, which also supplies the service's name. `options` go to
 * `NestFactory.create` (CORS, raw body for signature checks).
 */
export async function createServiceApp(
  module: Parameters<typeof NestFactory.create>[0],
  options: NestApplicationOptions = {},
): Promise<INestApplication> {
  // Buffered until the pino logger is installed, so start-up lines share the JSON format.
  const app = await NestFactory.create(module, strictHttpAdapter(), { ...options, bufferLogs: true });
  configureServiceApp(app);
  return app;
}

/**
 * Applies the platform to an application created elsewhere (a test's
 * `moduleRef.createNestApplication()`); call it before `app.init()` or `listen()`:
 *
 * - the pino logger from `PlatformModule` becomes Nest's logger;
 * - correlation ids and request timing wrap every request, ahead of the body parser, so
 *   rejected bodies are counted and answered with their ids too; `RouteTemplateGuard`
 *   labels timed requests with their route template;
 * - `ProblemDetailsFilter` and `createValidationPipe()` become global;
 * - SIGTERM and SIGINT close the application gracefully (readiness turns 503, then the
 *   server and every `onModuleDestroy` / `onApplicationShutdown` hook runs).
 */
export function configureServiceApp(app: INestApplication): INestApplication {
  platformOptionsOf(app);
  app.useLogger(app.get(Logger));

  // Naming the framework in every response only helps someone shopping for its CVEs.
  const express = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
  express.disable?.('x-powered-by');

  const correlation = new CorrelationIdMiddleware();
  const metrics = new HttpMetricsMiddleware();
  app.use(correlation.use.bind(correlation));
  app.use(metrics.use.bind(metrics));

  // First among global guards, so it runs before any guard that may reject the request.
  app.useGlobalGuards(new RouteTemplateGuard());
  app.useGlobalFilters(new ProblemDetailsFilter(app.get(HttpAdapterHost)));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  return app;
}

/**
 * Starts every connected microservice, then listens for HTTP on `port` (all interfaces), so
 * the service reports ready only once it also consumes.
 */
export async function startServiceApp(app: INestApplication, port: number): Promise<void> {
  await app.startAllMicroservices();
  await app.listen(port, '0.0.0.0');
  const { serviceName } = platformOptionsOf(app);
  new NestLogger('Bootstrap').log(`${serviceName} listening on port ${port}`);
}

function platformOptionsOf(app: INestApplication): PlatformModuleOptions {
  // Through ModuleRef: a failed app.get() ends the process before our message is shown.
  try {
    return app.get(ModuleRef).get<PlatformModuleOptions>(PLATFORM_MODULE_OPTIONS, { strict: false });
  } catch {
    throw new Error('The application module must import PlatformModule.forRoot({ serviceName, ... })');
  }
}
