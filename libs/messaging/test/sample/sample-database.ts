import { DataSource } from 'typeorm';
import { createSchemaDataSource, runPendingMigrations } from '@cmp/persistence';
import { createScratchSchema, ScratchSchema } from '@cmp/testing';
import { MESSAGING_MIGRATIONS } from '../../src';
import { CreateSampleTables1764150000001 } from './sample-tables.migration';

export interface SampleDatabase {
  readonly schema: ScratchSchema;
  readonly dataSource: DataSource;
  /** Closes the connection and drops the schema. */
  close(): Promise<void>;
}

/** A scratch schema with the outbox, inbox and sample tables, as the sample services use it. */
export async function openSampleDatabase(prefix: string): Promise<SampleDatabase> {
  const schema = await createScratchSchema(prefix);
  const dataSource = createSchemaDataSource({
    url: schema.databaseUrl,
    schema: schema.name,
    migrations: [...MESSAGING_MIGRATIONS, CreateSampleTables1764150000001],
  });
  await dataSource.initialize();
  await runPendingMigrations(dataSource);
  return {
    schema,
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await schema.drop();
    },
  };
}
