import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sample producer's state (`counters`) and the sample consumer's effects (`effects`).
 * `effects` deliberately has no unique key on the event: a double application must show up as
 * a second row, not be hidden by a constraint.
 */
export class CreateSampleTables1764150000001 implements MigrationInterface {
  name = 'CreateSampleTables1764150000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE counters (id text PRIMARY KEY, value integer NOT NULL)`);
    await queryRunner.query(`
      CREATE TABLE effects (
        applied_order bigserial PRIMARY KEY,
        event_id text NOT NULL,
        counter_id text NOT NULL,
        sequence integer NOT NULL,
        event_time timestamptz NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE effects`);
    await queryRunner.query(`DROP TABLE counters`);
  }
}
