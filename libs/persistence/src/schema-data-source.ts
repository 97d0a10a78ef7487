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

/**
 * Applies pending migrations; returns the names of those it ran. Instances starting together
 * (`docker compose up --scale`) would otherwise race to create the same tables: a session-level
 * advisory lock per schema lets one migrate while the others wait, then find nothing to do.
 */
export async function runPendingMigrations(dataSource: DataSource): Promise<string[]> {
  const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock(hashtext($1))', [`cmp.migrations.${schema}`]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock(hashtext($1))', [`cmp.migrations.${schema}`]).catch(() => undefined);
    await lockHolder.release();
  }
}

/**
 * Opens a service's data source and brings its schema up to date under the migration lock;
 * the `dataSourceFactory` of `TypeOrmModule.forRootAsync`.
 */
export async function openMigratedDataSource(options: DataSourceOptions | undefined): Promise<DataSource> {
  if (!options) throw new Error('openMigratedDataSource needs the data source options');
  const dataSource = await new DataSource(options).initialize();
  try {
    await runPendingMigrations(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
