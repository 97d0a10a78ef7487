import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSchedulingTables1764180000000 implements MigrationInterface {
  name = 'CreateSchedulingTables1764180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cohorts (
        id uuid PRIMARY KEY,
        starts_on date,
        ends_on date,
        rhythm jsonb
      )`);
    await queryRunner.query(`
      CREATE TABLE person_availability (
        person_id uuid PRIMARY KEY,
        role text NOT NULL,
        windows jsonb NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE plans (
        id uuid PRIMARY KEY,
        match_id uuid NOT NULL UNIQUE,
        cohort_id uuid NOT NULL,
        mentee_id uuid NOT NULL,
        mentor_id uuid NOT NULL,
        confirmed_at timestamptz NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        anchored_on text NOT NULL,
        rhythm jsonb NOT NULL,
        planned_sessions jsonb NOT NULL,
        status text NOT NULL,
        ended_reason text,
        last_stalled_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX plans_cohort_idx ON plans (cohort_id)`);
    await queryRunner.query(`CREATE INDEX plans_mentee_idx ON plans (mentee_id)`);
    await queryRunner.query(`CREATE INDEX plans_mentor_idx ON plans (mentor_id)`);
    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plans (id),
        match_id uuid NOT NULL,
        cohort_id uuid NOT NULL,
        mentee_id uuid NOT NULL,
        mentor_id uuid NOT NULL,
        status text NOT NULL,
        theme text,
        mode text NOT NULL,
        place text,
        link text,
        proposed_by text NOT NULL,
        slots jsonb NOT NULL,
        starts_at timestamptz,
        ends_at timestamptz,
        sequence integer NOT NULL,
        cancelled_by text,
        cancel_reason text,
        absent text,
        topics jsonb,
        next_steps text,
        introductions jsonb,
        introductions_made integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX sessions_match_idx ON sessions (match_id, status)`);
    await queryRunner.query(`CREATE INDEX sessions_mentee_idx ON sessions (mentee_id, status, starts_at)`);
    await queryRunner.query(`CREATE INDEX sessions_mentor_idx ON sessions (mentor_id, status, starts_at)`);
    await queryRunner.query(`
      CREATE TABLE session_history (
        id bigserial PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions (id),
        at timestamptz NOT NULL,
        action text NOT NULL,
        actor text NOT NULL,
        starts_at timestamptz,
        ends_at timestamptz,
        detail jsonb
      )`);
    await queryRunner.query(`CREATE INDEX session_history_session_idx ON session_history (session_id, id)`);
    await queryRunner.query(`
      CREATE TABLE timers (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        dedupe_key text NOT NULL UNIQUE,
        plan_id uuid NOT NULL REFERENCES plans (id),
        session_id uuid,
        due_at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL,
        fired_at timestamptz,
        fired_by text,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    // The pollers' query: pending rows in due order.
    await queryRunner.query(`CREATE INDEX timers_due_idx ON timers (due_at) WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX timers_plan_idx ON timers (plan_id, status)`);
    await queryRunner.query(`
      CREATE TABLE feed_tokens (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL,
        role text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    // One live feed URL per person: issuing a new one revokes the old.
    await queryRunner.query(`CREATE UNIQUE INDEX feed_tokens_live_idx ON feed_tokens (person_id) WHERE revoked_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['feed_tokens', 'timers', 'session_history', 'sessions', 'plans', 'person_availability', 'cohorts']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
