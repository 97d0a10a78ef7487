// Type conversion reads `design:type` metadata; a config may load before Nest imports this.
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import { ConfigurationError, type ConfigurationIssue } from './configuration.error';

/**
 * Builds and validates a config object from environment variables; throws a
 * `ConfigurationError` naming every bad variable.
 *
 * Each property of `cls` is one variable of the same name. Values are converted to the
 * property's declared type (`PORT: number` reads `"8080"` as 8080); property initialisers
 * are the defaults. Only variables the class declares — with an initialiser or a
 * class-validator decorator — are read, so the result holds no stray environment. An empty
 * variable counts as unset, so `PORT=` in a compose file falls back to the default.
 */
export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const declared = new Set<string>([
    ...Object.keys(new cls()),
    ...getMetadataStorage()
      .getTargetValidationMetadatas(cls, '', true, false)
      .map((metadata) => metadata.propertyName),
  ]);
  const source: Record<string, string> = {};
  for (const name of declared) {
    const value = env[name];
    if (value !== undefined && value !== '') {
      source[name] = value;
    }
  }

  const config = plainToInstance(cls, source, { enableImplicitConversion: true });
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigurationError(cls.name, errors.map(toIssue));
  }
  return config;
}

function toIssue(error: ValidationError): ConfigurationIssue {
  return { variable: error.property, messages: Object.values(error.constraints ?? {}) };
}
