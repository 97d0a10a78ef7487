import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import SwaggerParser from '@apidevtools/swagger-parser';
import { IsString } from 'class-validator';
import { createProbeApp } from '../test-support/probe-app.fixture';
import { setupOpenApi } from './setup-openapi';

/** A configuration class, as every service loads one: class-validator rules, but no part of the API. */
export class ProbeSettings {
  @IsString() readonly DATABASE_URL: string;
}

describe("a service's OpenAPI document", () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await createProbeApp();
    document = setupOpenApi(app, { title: 'probe', description: 'probe' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('documents the query parameters of a query DTO', () => {
    expect(document.paths['/probe/entries'].get?.parameters).toEqual([
      { name: 'status', in: 'query', required: true, schema: expect.objectContaining({ enum: ['open', 'closed'] }) },
      { name: 'limit', in: 'query', required: false, schema: expect.objectContaining({ type: 'integer', minimum: 1 }) },
    ]);
  });

  it('publishes only the schemas an operation reaches, not configuration classes', () => {
    const names = Object.keys(document.components?.schemas ?? {});
    expect(names).toEqual(expect.arrayContaining(['CreateEntryRequest', 'AddressRequest', 'ContactRequest']));
    expect(names).not.toContain('ProbeSettings');
    expect(names).not.toContain('EntryListQuery');
  });

  it('is a valid OpenAPI document without a dangling reference', async () => {
    // The validator rejects a schema violation or a $ref it cannot resolve; what it resolves to is
    // the dereferenced document, whose paths must still be the ones published.
    const validated = (await SwaggerParser.validate(structuredClone(document) as never)) as { openapi: string; paths: Record<string, unknown> };
    expect(validated.openapi).toMatch(/^3\./);
    expect(Object.keys(validated.paths)).toEqual(Object.keys(document.paths));
  });
});
