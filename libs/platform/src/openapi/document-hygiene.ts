import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';

// Nest's own metadata keys (`@nestjs/common/constants`): the arguments a handler takes.
const ROUTE_ARGS_METADATA = '__routeArguments__';
/** `RouteParamtypes.QUERY` and `RouteParamtypes.BODY` in `@nestjs/common`. */
const QUERY = 4;
const BODY = 3;

type Schema = Record<string, unknown>;
type Operation = { operationId?: string; parameters?: Schema[]; requestBody?: Schema };

/**
 * Keeps only the schemas an operation of the document reaches, directly or through other
 * schemas. `validationMetadatasToSchemas` turns every class-validator class loaded in the process
 * into a schema: the service's configuration (`DATABASE_URL`, secrets' names) and every event
 * contract it imports among them, none of which is part of its HTTP API.
 */
export function keepReachableSchemas(document: OpenAPIObject): void {
  const all = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const reachable = new Set<string>();
  const pending = [...referencesIn(document.paths)];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (reachable.has(name) || all[name] === undefined) continue;
    reachable.add(name);
    pending.push(...referencesIn(all[name]));
  }
  document.components = { ...document.components, schemas: Object.fromEntries(Object.entries(all).filter(([name]) => reachable.has(name))) };
}

/**
 * Replaces each reference to a schema the document does not hold with an unconstrained schema
 * (`{}`), described as such. Such a reference comes from a DTO property whose element type
 * class-validator cannot see (an array without `@Type(() => X)` becomes `Array`); a dangling
 * `$ref` makes the whole document invalid for every client generator.
 */
export function replaceDanglingReferences(document: OpenAPIObject): string[] {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const dangling = new Set<string>();
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== 'object' || node === null) return node;
    const ref = (node as Schema)['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/') && schemas[ref.slice('#/components/schemas/'.length)] === undefined) {
      dangling.add(ref.slice('#/components/schemas/'.length));
      return { description: `Not described (the service's type ${ref.slice('#/components/schemas/'.length)} has no schema).` };
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, visit(value)]));
  };
  document.paths = visit(document.paths) as OpenAPIObject['paths'];
  if (document.components?.schemas) document.components.schemas = visit(document.components.schemas) as Record<string, Schema>;
  return [...dangling];
}

/**
 * Documents the query parameters and request bodies of operations whose DTOs carry only
 * class-validator rules (no `@ApiProperty`), which `@nestjs/swagger` cannot see: for
 * `@Query() query: ListQuery` one parameter per property of `ListQuery`'s schema, for
 * `@Query('cohortId')` a string parameter, for `@Body() body: X` a body of X's schema when the
 * operation has none. Handlers are found by their operation id (`<Controller>_<method>`, the
 * default of `@nestjs/swagger`).
 */
export function describeValidatedArguments(app: INestApplication, document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const controllers = new Map<string, Type<unknown>>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) if (wrapper.metatype) controllers.set(wrapper.metatype.name, wrapper.metatype as Type<unknown>);
  }
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item as Record<string, Operation>)) {
      if (typeof operation !== 'object' || operation === null || typeof operation.operationId !== 'string') continue;
      const [controllerName, methodName] = operation.operationId.split('_');
      const controller = controllers.get(controllerName);
      if (!controller || methodName === undefined) continue;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodName) ?? {}) as Record<string, { index: number; data?: unknown }>;
      const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, methodName) ?? []) as (Type<unknown> | undefined)[];
      const parameters = [...(operation.parameters ?? [])];
      const named = new Set(parameters.filter((parameter) => parameter['in'] === 'query').map((parameter) => parameter['name']));
      for (const [key, argument] of Object.entries(args)) {
        const kind = Number(key.split(':')[0]);
        const type = types[argument.index];
        if (kind === QUERY) {
          if (typeof argument.data === 'string') {
            if (!named.has(argument.data)) parameters.push({ name: argument.data, in: 'query', required: false, schema: { type: 'string' } });
            named.add(argument.data);
            continue;
          }
          const schema = type ? schemas[type.name] : undefined;
          const properties = (schema?.['properties'] ?? {}) as Record<string, Schema>;
          const required = new Set((schema?.['required'] as string[] | undefined) ?? []);
          for (const [name, property] of Object.entries(properties)) {
            if (named.has(name)) continue;
            named.add(name);
            parameters.push({ name, in: 'query', required: required.has(name), schema: property });
          }
        }
        if (kind === BODY && argument.data === undefined && type && schemas[type.name] && !hasBodySchema(operation)) {
          operation.requestBody = { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${type.name}` } } } };
        }
      }
      if (parameters.length > 0) operation.parameters = parameters;
    }
  }
}

function hasBodySchema(operation: Operation): boolean {
  const content = (operation.requestBody?.['content'] ?? {}) as Record<string, { schema?: Schema }>;
  const schema = content['application/json']?.schema;
  return schema !== undefined && (schema['$ref'] !== undefined || Object.keys((schema['properties'] as object | undefined) ?? {}).length > 0);
}

function referencesIn(node: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string' && child.startsWith('#/components/schemas/')) found.push(child.slice('#/components/schemas/'.length));
        else visit(child);
      }
    }
  };
  visit(node);
  return found;
}
