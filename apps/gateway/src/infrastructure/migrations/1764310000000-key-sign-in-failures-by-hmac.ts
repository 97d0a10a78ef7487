import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lock-out counters were keyed by the typed email in clear and never deleted, so an erased
 * person's address came back the moment someone tried to sign in as her. They are now keyed by
 * an HMAC of the address (`SignInFailureKeys`) and carry the instant they may be deleted.
 *
 * The existing rows are deleted rather than re-keyed: a migration has no access to the
 * installation's secret, and the most a cleared counter costs is an attacker's lock being
 * lifted early once (a lock lasts 30 minutes at most). The check makes a clear-text key
 * impossible to store again, whatever code path writes.
 */
export class KeySignInFailuresByHmac1764310000000 implements MigrationInterface {
  name = 'KeySignInFailuresByHmac1764310000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM sign_in_failures`);
    await runner.query(`ALTER TABLE sign_in_failures ADD COLUMN expires_at timestamptz NOT NULL`);
    await runner.query(`ALTER TABLE sign_in_failures ADD CONSTRAINT sign_in_failures_key_is_keyed_hash CHECK (key ~ '^(account|ip):[0-9a-f]{64}$')`);
    await runner.query(`CREATE INDEX sign_in_failures_expires_at ON sign_in_failures (expires_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX sign_in_failures_expires_at`);
    await runner.query(`ALTER TABLE sign_in_failures DROP CONSTRAINT sign_in_failures_key_is_keyed_hash`);
    await runner.query(`ALTER TABLE sign_in_failures DROP COLUMN expires_at`);
  }
}
