import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMatchingTables1764170000000 implements MigrationInterface {
  name = 'CreateMatchingTables1764170000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cohorts (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        exclude_mentors_from_referring_organisation boolean NOT NULL,
        weights jsonb
      )`);
    await queryRunner.query(`
      CREATE TABLE mentees (
        id uuid PRIMARY KEY,
        cohort_id uuid NOT NULL,
        referring_organisation_id uuid,
        profile jsonb,
        status text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX mentees_cohort_idx ON mentees (cohort_id, status)`);
    await queryRunner.query(`
      CREATE TABLE mentors (
        id uuid PRIMARY KEY,
        profile jsonb,
        status text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE runs (
        id uuid PRIMARY KEY,
        cohort_id uuid NOT NULL,
        status text NOT NULL,
        fairness boolean NOT NULL,
        progress integer NOT NULL,
        weights jsonb NOT NULL,
        total_score double precision,
        unmatched jsonb,
        error text,
        requested_by text NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE matches (
        id uuid PRIMARY KEY,
        cohort_id uuid NOT NULL,
        run_id uuid REFERENCES runs (id),
        mentee_id uuid NOT NULL,
        mentor_id uuid NOT NULL,
        score double precision NOT NULL,
        explanation jsonb NOT NULL,
        origin text NOT NULL,
        status text NOT NULL,
        reason text,
        proposed_at timestamptz NOT NULL,
        decided_at timestamptz
      )`);
    // A mentee has at most one open proposal or mentorship at a time.
    await queryRunner.query(`CREATE UNIQUE INDEX matches_open_mentee_idx ON matches (mentee_id) WHERE status IN ('proposed', 'confirmed')`);
    await queryRunner.query(`CREATE INDEX matches_cohort_idx ON matches (cohort_id, status)`);
    await queryRunner.query(`CREATE INDEX matches_mentor_idx ON matches (mentor_id, status)`);
    await queryRunner.query(`
      CREATE TABLE forbidden_pairs (
        cohort_id uuid NOT NULL,
        mentee_id uuid NOT NULL,
        mentor_id uuid NOT NULL,
        PRIMARY KEY (cohort_id, mentee_id, mentor_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['forbidden_pairs', 'matches', 'runs', 'mentors', 'mentees', 'cohorts']) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
