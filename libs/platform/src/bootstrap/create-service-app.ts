import { type INestApplication, Logger as NestLogger, type NestApplicationOptions } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef, NestFactory, Reflector } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { CorrelationIdMiddleware } from '../correlation/correlation-id.middleware';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { createValidationPipe } from '../errors/validation-pipe.factory';
import { HttpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { RouteTemplateGuard } from '../metrics/route-template.guard';
import { ConfigurationError } from '../config/configuration.error';
import { loadConfig } from '../config/load-config';
import { RolesGuard } from '../hop/caller.decorators';
import { hopAuthentication } from '../hop/hop-authentication.middleware';
import { HopVerificationConfig } from '../hop/hop-verification.config';
import { HopVerifier } from '../hop/hop-verifier';
import { PLATFORM_MODULE_OPTIONS, type PlatformModuleOptions } from './platform-module.options';
import { strictHttpAdapter } from './strict-http-adapter';
import { jsonRequestBody } from '../http/json-request-body';

/** How a service application authenticates its callers. */
export interface ServiceAppOptions {
  /**
   * An internal service accepts only requests the gateway signed (hop tokens), checked with the
   * public keys given here or, when omitted, with `CMP_HOP_PUBLIC_KEYS`. `edge` is for the
   * gateway alone (and tests of platform mechanisms): it authenticates its clients itself.
   */
  readonly authentication?: { readonly hopPublicKeys: string } | 'edge';
  /**
   * How request bodies are read (`jsonRequestBody`): the largest JSON body accepted (`100kb`
   * unless given), or `installed-by-caller` for the gateway, which installs the same reading
   * behind its front door so that what the door refuses is never read.
   */
  readonly jsonBody?: { readonly limit: string } | 'installed-by-caller';
}

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
  serviceOptions: ServiceAppOptions = {},
): Promise<INestApplication> {
  // Buffered until the pino logger is installed, so start-up lines share the JSON format.
  const app = await NestFactory.create(module, strictHttpAdapter(), { ...options, bufferLogs: true });
  configureServiceApp(app, serviceOptions);
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
 * - unless the app is the edge, the hop token of every request is verified next (401 without
 *   one, health probes aside), and `RolesGuard` enforces each handler's `@Roles`;
 * - then the body is read as JSON only (`jsonRequestBody`: 415 for another media type, 400 for
 *   a body that is not a JSON object);
 * - `ProblemDetailsFilter` and `createValidationPipe()` become global;
 * - SIGTERM and SIGINT close the application gracefully (readiness turns 503, then the
 *   server and every `onModuleDestroy` / `onApplicationShutdown` hook runs).
 */
export function configureServiceApp(app: INestApplication, options: ServiceAppOptions = {}): INestApplication {
  const { serviceName } = platformOptionsOf(app);
  app.useLogger(app.get(Logger));

  // Naming the framework in every response only helps someone shopping for its CVEs.
  const express = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
  express.disable?.('x-powered-by');

  const correlation = new CorrelationIdMiddleware();
  const metrics = new HttpMetricsMiddleware();
  app.use(correlation.use.bind(correlation));
  app.use(metrics.use.bind(metrics));
  const authentication = options.authentication ?? { hopPublicKeys: loadConfig(HopVerificationConfig).CMP_HOP_PUBLIC_KEYS };
  if (authentication !== 'edge') app.use(hopAuthentication(hopVerifierFor(serviceName, authentication.hopPublicKeys)));
  // After the hop check, so an unsigned request's body is never read; Nest then adds no JSON parser of its own.
  const jsonBody = options.jsonBody ?? { limit: '100kb' };
  if (jsonBody !== 'installed-by-caller') for (const middleware of jsonRequestBody(jsonBody.limit)) app.use(middleware);

  // First among global guards, so it runs before any guard that may reject the request.
  app.useGlobalGuards(new RouteTemplateGuard());
  if (authentication !== 'edge') app.useGlobalGuards(new RolesGuard(app.get(Reflector)));
  app.useGlobalFilters(new ProblemDetailsFilter(app.get(HttpAdapterHost)));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  return app;
}

/**
 * Starts every connected microservice, then listens for HTTP on `port` of `host` (the
 * service's `HOST` setting, loopback unless an internal network is named), so the service
 * reports ready only once it also consumes.
 */
export async function startServiceApp(app: INestApplication, port: number, host: string): Promise<void> {
  await app.startAllMicroservices();
  await app.listen(port, host);
  const { serviceName } = platformOptionsOf(app);
  new NestLogger('Bootstrap').log(`${serviceName} listening on ${host}:${port}`);
}

function hopVerifierFor(serviceName: string, publicKeys: string): HopVerifier {
  try {
    return new HopVerifier(publicKeys, serviceName);
  } catch (error) {
    throw new ConfigurationError(HopVerificationConfig.name, [{ variable: 'CMP_HOP_PUBLIC_KEYS', messages: [`CMP_HOP_PUBLIC_KEYS ${error instanceof Error ? error.message : String(error)}`] }]);
  }
}

function platformOptionsOf(app: INestApplication): PlatformModuleOptions {
  // Through ModuleRef: a failed app.get() ends the process before our message is shown.
  try {
    return app.get(ModuleRef).get<PlatformModuleOptions>(PLATFORM_MODULE_OPTIONS, { strict: false });
  } catch {
    throw new Error('The application module must import PlatformModule.forRoot({ serviceName, ... })');
  }
}
