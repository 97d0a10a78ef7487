import { DataSource, DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export interface SchemaDataSourceSettings {
  /** Postgres URL of the service's own login role. */
  readonly url: string;
  /** The one schema the service owns; every unqualified table name resolves inside it. */
  readonly schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities?: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations?: MixedList<Function | string>;
  /** Shows up in `pg_stat_activity`, which makes a stuck connection easy to attribute. */
  readonly applicationName?: string;
  readonly poolSize?: number;
}

/**
 * TypeORM options for one service schema. The search path is pinned to the schema so raw SQL
 * (the outbox, the inbox, timers) needs no qualification, and `synchronize` is off for good:
 * the schema changes only through migrations.
 */
export function schemaDataSourceOptions(settings: SchemaDataSourceSettings): DataSourceOptions {
  if (!SCHEMA_NAME_PATTERN.test(settings.schema)) {
    throw new Error(`"${settings.schema}" is not a valid schema name`);
  }
  return {
    type: 'postgres',
    url: settings.url,
    schema: settings.schema,
    entities: settings.entities ?? [],
    migrations: settings.migrations ?? [],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: settings.applicationName,
    extra: {
      max: settings.poolSize ?? 10,
      options: `-c search_path=${settings.schema}`,
    },
  };
}

export function createSchemaDataSource(settings: SchemaDataSourceSettings): DataSource {
  return new DataSource(schemaDataSourceOptions(settings));
}

/** Applies pending migrations; returns the names of those it ran. */
export async function runPendingMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
