import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The gateway remembers each POST sent with an `Idempotency-Key` (see `IdempotentRequests`): per
 * caller and key, the request's fingerprint, whether it is still running (`status` null, with a
 * lease), and its sealed answer, for 24 hours.
 */
export class CreateIdempotentRequests1764400000000 implements MigrationInterface {
  name = 'CreateIdempotentRequests1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE idempotent_requests (
        caller text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
        status integer CHECK (status BETWEEN 100 AND 499),
        response bytea,
        leased_until timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (caller, key),
        CHECK ((status IS NULL) = (response IS NULL))
      )`);
    await runner.query(`CREATE INDEX idempotent_requests_expires_at ON idempotent_requests (expires_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE idempotent_requests`);
  }
}
