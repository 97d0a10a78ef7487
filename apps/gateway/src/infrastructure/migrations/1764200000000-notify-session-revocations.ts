import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every gateway instance caches which sessions are open; a trigger tells them all, through
 * LISTEN/NOTIFY, the moment a session is revoked or deleted (sign-out, refresh-token reuse,
 * erasure deleting the account), whichever code path or instance did it.
 */
export class NotifySessionRevocations1764200000000 implements MigrationInterface {
  name = 'NotifySessionRevocations1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_session_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.revoked_at IS NOT NULL THEN
          PERFORM pg_notify(TG_TABLE_SCHEMA || '.sessions_revoked', OLD.id::text);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER sessions_revoked AFTER UPDATE OF revoked_at OR DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION notify_session_revoked()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER sessions_revoked ON sessions`);
    await queryRunner.query(`DROP FUNCTION notify_session_revoked()`);
  }
}
