import { MigrationInterface, QueryRunner } from 'typeorm';

/** The inbox retention policy deletes the oldest processed ids first; without an index each batch would read the whole table. */
export class IndexInboxByAge1765000000000 implements MigrationInterface {
  name = 'IndexInboxByAge1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX inbox_processed_at_idx ON inbox (processed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX inbox_processed_at_idx`);
  }
}
