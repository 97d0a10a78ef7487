import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox and inbox tables every service owns in its own schema. Add this migration to the
 * service's migration list; it creates the tables in the schema on the connection's search path.
 *
 * - `outbox`: events written in the same transaction as the state change; the relay publishes
 *   unpublished rows in id order. A statement trigger NOTIFYs the relay at commit. A row without
 *   payload is a tombstone for a compacted topic.
 * - `inbox`: one row per (consumer group, event id) applied; written in the handler's own
 *   transaction, so a redelivered event finds its row and is skipped.
 */
export class CreateMessagingTables1764150000000 implements MigrationInterface {
  name = 'CreateMessagingTables1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        event_id text NOT NULL UNIQUE,
        event_type text NOT NULL,
        topic text NOT NULL,
        message_key text,
        headers jsonb NOT NULL,
        payload text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        published_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL`);
    await queryRunner.query(`CREATE INDEX outbox_published_at_idx ON outbox (published_at) WHERE published_at IS NOT NULL`);
    // The channel is per schema: services share one database, and a relay only cares for its own rows.
    await queryRunner.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify(TG_TABLE_SCHEMA || '.outbox', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
    );
    await queryRunner.query(`
      CREATE TABLE inbox (
        consumer_group text NOT NULL,
        event_id text NOT NULL,
        event_type text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inbox`);
    await queryRunner.query(`DROP TRIGGER outbox_inserted ON outbox`);
    await queryRunner.query(`DROP FUNCTION outbox_notify()`);
    await queryRunner.query(`DROP TABLE outbox`);
  }
}

/** The NOTIFY channel of a schema's outbox (see the trigger above). */
export function outboxChannel(schema: string): string {
  return `${schema}.outbox`;
}
