import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { jsonRequestBody } from '@cmp/platform';
import { ROUTE_TABLE } from '../routes/route-table';
import { RouteDefinition } from '../domain/route-definition';
import { fixedServiceDocuments, ServiceDocumentSource } from '../infrastructure/service-documents';
import { RouteMatcher } from '../domain/route-matcher';
import { frontDoor } from './front-door';
import { setupPublicOpenApi } from './public-openapi';

export interface EdgeSettings {
  readonly corsOrigins: readonly string[];
  readonly bodyLimit: string;
  readonly trustProxy: boolean;
  readonly routes?: readonly RouteDefinition[];
  /** The services' own OpenAPI documents, for the schemas of proxied routes. */
  readonly serviceDocuments?: ServiceDocumentSource;
  /** The gateway's public address (`servers` of the document). */
  readonly publicUrl: string;
}

// The API answers JSON only, so it can forbid everything a browser might load; the docs page
// needs its own scripts, styles and images.
const apiHeaders = helmet();
const docsHeaders = helmet({
  contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] } },
});

/**
 * What the public edge adds on top of `configureServiceApp`: security headers, CORS for the web
 * clients, the body size limit, the proxy trust setting and the public OpenAPI document.
 * Call it before `init()`/`listen()`.
 */
export function configureGatewayApp(app: INestApplication, settings: EdgeSettings): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', settings.trustProxy ? 1 : false);
  express.use((request: { path: string }, response: unknown, next: () => void) =>
    (request.path.startsWith('/docs') ? docsHeaders : apiHeaders)(request as never, response as never, next as never),
  );
  // Before CORS, body parsing and routing: what the door refuses costs nothing further.
  express.use(frontDoor(app.get(RouteMatcher)));
  app.enableCors({
    origin: [...settings.corsOrigins],
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-api-key', 'x-correlation-id', 'x-request-id', 'if-match', 'if-none-match'],
    exposedHeaders: ['x-correlation-id', 'x-request-id', 'retry-after', 'location', 'content-disposition'],
    maxAge: 600,
  });
  // JSON only, as every service reads it (a form-encoded sign-in is refused, not parsed); registered
  // before Nest's defaults, which then add no JSON parser; the limit covers every route.
  for (const middleware of jsonRequestBody(settings.bodyLimit)) express.use(middleware);
  setupPublicOpenApi(app, settings.routes ?? ROUTE_TABLE, settings.serviceDocuments ?? fixedServiceDocuments({}), settings.publicUrl);
}
