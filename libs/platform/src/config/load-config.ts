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
  const source: Record<string, string | boolean> = {};
  const booleanIssues: ConfigurationIssue[] = [];
  for (const name of declared) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (Reflect.getMetadata('design:type', cls.prototype, name) === Boolean) {
      // Implicit conversion would read any non-empty text, "false" included, as true.
      const flag = BOOLEAN_WORDS.get(value.trim().toLowerCase());
      if (flag === undefined) booleanIssues.push({ variable: name, messages: [`${name} must be true or false (or 1/0, yes/no)`] });
      else source[name] = flag;
    } else {
      source[name] = value;
    }
  }

  const config = plainToInstance(cls, source, { enableImplicitConversion: true });
  const errors = validateSync(config, { forbidUnknownValues: true });
  const issues = [...booleanIssues, ...errors.filter((error) => !booleanIssues.some((issue) => issue.variable === error.property)).map(toIssue)];
  if (issues.length > 0) {
    throw new ConfigurationError(cls.name, issues);
  }
  return config;
}

const BOOLEAN_WORDS = new Map<string, boolean>([
  ['true', true],
  ['1', true],
  ['yes', true],
  ['false', false],
  ['0', false],
  ['no', false],
]);

function toIssue(error: ValidationError): ConfigurationIssue {
  return { variable: error.property, messages: Object.values(error.constraints ?? {}) };
}
