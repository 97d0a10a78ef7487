import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGatewayTables1764180000000 implements MigrationInterface {
  name = 'CreateGatewayTables1764180000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        role text NOT NULL CHECK (role IN ('admin', 'coordinator', 'mentee', 'mentor')),
        person_id uuid,
        password_hash text,
        status text NOT NULL CHECK (status IN ('active', 'pending')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status = 'pending' OR role IN ('admin', 'coordinator') OR person_id IS NOT NULL)
      )`);
    await runner.query(`CREATE UNIQUE INDEX accounts_person_id ON accounts (person_id) WHERE person_id IS NOT NULL`);
    await runner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await runner.query(`CREATE INDEX sessions_account_id ON sessions (account_id)`);
    await runner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        replaced_at timestamptz
      )`);
    await runner.query(`CREATE INDEX refresh_tokens_session_id ON refresh_tokens (session_id)`);
    await runner.query(`
      CREATE TABLE sign_in_links (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        name text NOT NULL,
        prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await runner.query(`CREATE INDEX api_keys_organisation_id ON api_keys (organisation_id)`);
    await runner.query(`
      CREATE TABLE sign_in_failures (
        key text PRIMARY KEY,
        failures int NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz,
        lockouts int NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE mentorships (
        match_id uuid PRIMARY KEY,
        mentee_id uuid NOT NULL,
        mentor_id uuid NOT NULL,
        ended_at timestamptz
      )`);
    await runner.query(`CREATE INDEX mentorships_mentor_id ON mentorships (mentor_id) WHERE ended_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['mentorships', 'sign_in_failures', 'api_keys', 'sign_in_links', 'refresh_tokens', 'sessions', 'accounts']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
