import { INestApplication } from '@nestjs/common';
import { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { keepReachableSchemas, replaceDanglingReferences, setupOpenApi } from '@cmp/platform';
import { AccessRule, RouteDefinition, UpstreamService } from '../domain/route-definition';
import { ServiceDocuments, ServiceDocumentSource } from '../infrastructure/service-documents';
import { PUBLIC_API_PREFIX } from './gateway-request';

/** Where the document is served; the browsable page at `/docs` reads it from there. */
export const PUBLIC_DOCUMENT_PATH = '/openapi.json';

/**
 * One OpenAPI 3 document for the public API at `/openapi.json` (UI at `/docs`): the gateway's
 * own endpoints from their controllers, every proxied route from the route table, each saying
 * who may call it. A proxied route takes its parameters, request body and responses from its
 * service's own document as the gateway currently knows it (`ServiceDocumentSource`, which keeps
 * asking a service that was not up): the document is rebuilt whenever that changes, so it
 * converges without a restart. The services' schemas are copied in under `<service>.<Schema>`,
 * so two services' schemas of the same name cannot collide; only schemas an operation reaches
 * are published, and `servers` names the gateway's public address.
 *
 * Returns the function that gives the current document.
 */
export function setupPublicOpenApi(app: INestApplication, routes: readonly RouteDefinition[], services: ServiceDocumentSource, publicUrl: string): () => OpenAPIObject {
  let built: { version: number; document: OpenAPIObject } | undefined;
  const current = () => {
    if (built?.version !== services.version) built = { version: services.version, document: publicDocument(ownDocument, routes, services.current(), publicUrl) };
    return built.document;
  };
  // Registered before the one `setupOpenApi` serves (Express answers with the first match), so
  // the document served is always the current one, not the one known at start-up.
  const express = app.getHttpAdapter();
  express.get(PUBLIC_DOCUMENT_PATH, (_request: unknown, response: { json(body: unknown): void }) => response.json(current()));
  const ownDocument = setupOpenApi(app, {
    title: 'CMP public API',
    description:
      'The one public API of the Career Mentoring Programme. Send `Authorization: Bearer <access token>` (from `/api/v1/auth/sign-in`) ' +
      'or, for partner organisations, `x-api-key: <key>`. Request bodies are JSON objects (`application/json`). Every POST honours ' +
      '`Idempotency-Key` (a replay gets the first answer; the key with another request, 422). Errors are RFC 9457 problem details.',
  });
  return current;
}

/** The public document from the gateway's own and the services' current documents. */
export function publicDocument(own: OpenAPIObject, routes: readonly RouteDefinition[], services: ServiceDocuments, publicUrl: string): OpenAPIObject {
  const document = structuredClone(own);
  const schemas = { ...document.components?.schemas };
  for (const [service, serviceDocument] of Object.entries(services) as [UpstreamService, OpenAPIObject][]) {
    for (const [name, schema] of Object.entries(serviceDocument.components?.schemas ?? {})) schemas[`${service}.${name}`] = namespaced(service, schema);
  }
  document.servers = [{ url: publicUrl, description: 'The gateway' }];
  document.components = {
    ...document.components,
    schemas,
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
    },
  };
  for (const route of routes) {
    const path = `${PUBLIC_API_PREFIX}${route.path}`.replace(/:([A-Za-z][A-Za-z0-9]*)/g, '{$1}');
    const method = route.method.toLowerCase() as 'get';
    const item = (document.paths[path] ??= {});
    const own = item[method];
    const access = describeAccess(route);
    if (own) {
      own.summary ??= route.summary;
      own.description = access;
      continue;
    }
    if (route.service === 'gateway') continue;
    const upstream = services[route.service]?.paths[(route.upstreamPath ?? route.path).replace(/:([A-Za-z][A-Za-z0-9]*)/g, '{$1}')]?.[method];
    item[method] = proxiedOperation(route, access, upstream ? namespaced(route.service, upstream) : undefined);
  }
  keepReachableSchemas(document);
  replaceDanglingReferences(document);
  return document;
}

function proxiedOperation(route: RouteDefinition, access: string, upstream: OperationObject | undefined): OperationObject {
  const pathParameters = [...route.path.matchAll(/:([A-Za-z][A-Za-z0-9]*)/g)].map(([, name]) => ({ name, in: 'path' as const, required: true, schema: { type: 'string' as const } }));
  const otherParameters = (upstream?.parameters ?? []).filter((parameter) => !('in' in parameter) || parameter.in !== 'path');
  let requestBody = upstream?.requestBody;
  // Only while the service's document is unknown: a command its service documents without a body takes none.
  if (!upstream && !requestBody && route.method !== 'GET' && route.method !== 'DELETE') requestBody = { required: false, content: { 'application/json': { schema: { type: 'object' } } } };
  if (route.createsAccount && requestBody && 'content' in requestBody) {
    const schema = requestBody.content['application/json']?.schema ?? { type: 'object' };
    const password = { type: 'object' as const, properties: { password: { type: 'string' as const, minLength: 12, maxLength: 200, description: 'Optional: without one, the person signs in by emailed link. Never passed on to the service.' } } };
    requestBody = { ...requestBody, content: { 'application/json': { schema: { allOf: [schema, password] } } } };
  }
  return {
    tags: [route.service],
    summary: route.summary,
    description: access,
    parameters: [...pathParameters, ...otherParameters],
    ...(requestBody ? { requestBody } : {}),
    responses: route.createsAccount ? enrolmentResponses(upstream) : (upstream?.responses ?? { default: { description: `As the ${route.service} service answers; errors as application/problem+json` } }),
    security: route.access === 'public' ? [] : [{ bearer: [] }, { apiKey: [] }],
  };
}

/**
 * An enrolling route answers 202 `RECEIVED` whether or not the address had an account (see
 * `EnrolmentAccounts`); the service's errors pass through, its success body does not.
 */
function enrolmentResponses(upstream: OperationObject | undefined): OperationObject['responses'] {
  const errors = Object.fromEntries(Object.entries(upstream?.responses ?? {}).filter(([status]) => !status.startsWith('2')));
  return {
    '202': {
      description: 'Received. The same answer whether or not the address already has an account; what follows is sent to the address. Sign in to see the application or registration.',
      content: { 'application/json': { schema: { type: 'object', required: ['status', 'detail'], properties: { status: { type: 'string', enum: ['received'] }, detail: { type: 'string' } } } } },
    },
    ...errors,
  };
}

/** A copy of part of a service's document whose schema references point at the namespaced copies. */
function namespaced<T>(service: UpstreamService, part: T): T {
  return JSON.parse(JSON.stringify(part).replaceAll('"#/components/schemas/', `"#/components/schemas/${service}.`));
}

function describeAccess(route: RouteDefinition): string {
  if (route.access === 'public') return 'Public: no credential needed.';
  const rules = Object.entries(route.access).map(([role, rule]) => `${role}${qualifier(rule as AccessRule)}`);
  return `Allowed: ${rules.join(', ')}.`;
}

function qualifier(rule: AccessRule): string {
  if (rule.kind === 'any') return '';
  const where = 'param' in rule.from ? `{${rule.from.param}}` : `?${rule.from.query}`;
  switch (rule.kind) {
    case 'self':
      return ` (only when ${where} is their own id)`;
    case 'self-or-mentee':
      return ` (only when ${where} is their own id or one of their mentees)`;
    case 'own-match':
      return ` (only when ${where} is a match they are the mentee or mentor in)`;
  }
}
