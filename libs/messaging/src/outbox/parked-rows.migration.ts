import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outbox row the broker refuses for good (too large, not allowed) is parked rather than
 * retried for ever: `parked_at` and the broker's answer in `park_error`. The relay skips it, and
 * the later rows of its key, until an operator retries or drops it (`npm run outbox`).
 */
export class ParkUnpublishableOutboxRows1764900000000 implements MigrationInterface {
  name = 'ParkUnpublishableOutboxRows1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox ADD COLUMN parked_at timestamptz, ADD COLUMN park_error text`);
    // Few rows, read on every relay round to hold back the rest of a parked row's key.
    await queryRunner.query(`CREATE INDEX outbox_parked_idx ON outbox (topic, message_key, id) WHERE parked_at IS NOT NULL AND published_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX outbox_parked_idx`);
    await queryRunner.query(`ALTER TABLE outbox DROP COLUMN park_error, DROP COLUMN parked_at`);
  }
}
