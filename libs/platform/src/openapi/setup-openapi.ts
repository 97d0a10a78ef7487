import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
// class-transformer keeps its @Type metadata here; the JSON Schema of nested DTOs needs it.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { describeValidatedArguments, keepReachableSchemas, replaceDanglingReferences } from './document-hygiene';

export interface OpenApiSettings {
  readonly title: string;
  readonly description: string;
  readonly version?: string;
}

/**
 * Serves the service's OpenAPI 3 document at `/openapi.json` and a browsable UI at `/docs`.
 * Routes come from Nest's metadata; request schemas come from the class-validator rules the
 * service already validates with, so the document cannot drift from what is enforced: query
 * DTOs become documented query parameters; only schemas an operation reaches are published
 * (not the service's configuration or the event contracts it imports); a reference to a type
 * without a schema is replaced by an unconstrained one rather than left dangling.
 */
export function setupOpenApi(app: INestApplication, settings: OpenApiSettings): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(settings.title)
    .setDescription(settings.description)
    .setVersion(settings.version ?? '1')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const schemas = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
  });
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...(schemas as OpenAPIObject['components']) } };
  describeValidatedArguments(app, document);
  keepReachableSchemas(document);
  replaceDanglingReferences(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
  return document;
}
