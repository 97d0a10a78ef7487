import { MigrationInterface, QueryRunner } from 'typeorm';
import { createScratchSchema, ScratchSchema } from '@cmp/testing';
import { createSchemaDataSource, openMigratedDataSource, schemaDataSourceOptions } from '../src';

/** Slow on purpose, so that two instances starting together overlap inside it. */
class CreateSlowTable1764100000000 implements MigrationInterface {
  name = 'CreateSlowTable1764100000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('SELECT pg_sleep(0.5)');
    await queryRunner.query('CREATE TABLE slow_table (id integer PRIMARY KEY)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE slow_table');
  }
}

describe('migrations of instances starting together', () => {
  let schema: ScratchSchema;

  beforeEach(async () => {
    schema = await createScratchSchema('migration_lock');
  });
  afterEach(() => schema.drop());

  it('apply once: one instance migrates while the others wait, and all of them start', async () => {
    const options = schemaDataSourceOptions({ url: schema.databaseUrl, schema: schema.name, migrations: [CreateSlowTable1764100000000] });

    const instances = await Promise.all([1, 2, 3].map(() => openMigratedDataSource(options)));
    try {
      const applied = await instances[0].query('SELECT name FROM migrations');
      expect(applied).toEqual([{ name: 'CreateSlowTable1764100000000' }]);
      expect(await instances[2].query('SELECT count(*)::int AS rows FROM slow_table')).toEqual([{ rows: 0 }]);
    } finally {
      await Promise.all(instances.map((instance) => instance.destroy()));
    }
  });

  it('without the lock the same start races, which is why the lock is there', async () => {
    const options = schemaDataSourceOptions({ url: schema.databaseUrl, schema: schema.name, migrations: [CreateSlowTable1764100000000] });
    const unlocked = [1, 2].map(() => createSchemaDataSource({ url: schema.databaseUrl, schema: schema.name, migrations: options.migrations as never }));
    await Promise.all(unlocked.map((dataSource) => dataSource.initialize()));
    try {
      const outcomes = await Promise.allSettled(unlocked.map((dataSource) => dataSource.runMigrations({ transaction: 'each' })));
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    } finally {
      await Promise.all(unlocked.map((dataSource) => dataSource.destroy()));
    }
  });
});
