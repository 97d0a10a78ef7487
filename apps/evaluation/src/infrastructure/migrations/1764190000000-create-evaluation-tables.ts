import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluation's tables. People are known by a random `key`; only `people` links a key to the
 * person's id, so erasing a person is one `UPDATE people SET person_id = NULL` and every count
 * keyed on `key` stays as it was.
 */
export class CreateEvaluationTables1764190000000 implements MigrationInterface {
  name = 'CreateEvaluationTables1764190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE people (
        key uuid PRIMARY KEY,
        person_id uuid UNIQUE,
        role text,
        follow_up_consent boolean NOT NULL DEFAULT true,
        share_outcomes_consent boolean NOT NULL DEFAULT false,
        erased_at timestamptz
      )`);
    // A tombstone per erased person (a hash of the id), so late events cannot re-create them.
    await queryRunner.query(`CREATE TABLE erased_people (person_hash text PRIMARY KEY)`);
    await queryRunner.query(`
      CREATE TABLE cohorts (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE participants (
        person_key uuid NOT NULL REFERENCES people (key),
        cohort_id uuid NOT NULL,
        referring_organisation_id uuid,
        placed boolean NOT NULL DEFAULT false,
        matched boolean NOT NULL DEFAULT false,
        withdrawn boolean NOT NULL DEFAULT false,
        completed_on date,
        PRIMARY KEY (person_key, cohort_id)
      )`);
    await queryRunner.query(`CREATE INDEX participants_cohort_idx ON participants (cohort_id)`);
    await queryRunner.query(`CREATE INDEX participants_referrer_idx ON participants (referring_organisation_id)`);
    await queryRunner.query(`
      CREATE TABLE mentorships (
        match_id uuid PRIMARY KEY,
        cohort_id uuid NOT NULL,
        mentee_key uuid NOT NULL REFERENCES people (key),
        mentor_key uuid NOT NULL REFERENCES people (key),
        status text NOT NULL,
        starts_on date,
        ends_on date,
        completed_on date,
        sessions_held integer
      )`);
    await queryRunner.query(`CREATE INDEX mentorships_cohort_idx ON mentorships (cohort_id)`);
    await queryRunner.query(`
      CREATE TABLE surveys (
        id uuid PRIMARY KEY,
        slug text NOT NULL,
        version integer NOT NULL,
        title text NOT NULL,
        questions jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL,
        UNIQUE (slug, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE scheduled_surveys (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        match_id uuid NOT NULL,
        cohort_id uuid NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL,
        UNIQUE (match_id, kind)
      )`);
    await queryRunner.query(`CREATE INDEX scheduled_surveys_due_idx ON scheduled_surveys (due_at) WHERE status = 'pending'`);
    await queryRunner.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY,
        survey_id uuid NOT NULL REFERENCES surveys (id),
        kind text NOT NULL,
        person_key uuid NOT NULL REFERENCES people (key),
        role text NOT NULL,
        cohort_id uuid NOT NULL,
        match_id uuid,
        status text NOT NULL,
        sent_at timestamptz NOT NULL,
        remind_at timestamptz,
        reminded_at timestamptz,
        expires_at timestamptz NOT NULL,
        answered_at timestamptz,
        closed_at timestamptz
      )`);
    // One invitation per person, kind and cohort: a redelivered or repeated trigger sends nothing twice.
    await queryRunner.query(`CREATE UNIQUE INDEX invitations_once_idx ON invitations (kind, person_key, cohort_id)`);
    await queryRunner.query(`CREATE INDEX invitations_remind_idx ON invitations (remind_at) WHERE status = 'sent' AND reminded_at IS NULL`);
    await queryRunner.query(`CREATE INDEX invitations_expiry_idx ON invitations (expires_at) WHERE status = 'sent'`);
    await queryRunner.query(`
      CREATE TABLE invitation_tokens (
        token_hash text PRIMARY KEY,
        invitation_id uuid NOT NULL REFERENCES invitations (id) ON DELETE CASCADE,
        issued_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE responses (
        id uuid PRIMARY KEY,
        invitation_id uuid NOT NULL UNIQUE REFERENCES invitations (id),
        survey_id uuid NOT NULL REFERENCES surveys (id),
        kind text NOT NULL,
        cohort_id uuid NOT NULL,
        role text NOT NULL,
        answers jsonb NOT NULL,
        satisfaction integer,
        recommendation integer,
        answered_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX responses_cohort_idx ON responses (cohort_id, kind)`);
    await queryRunner.query(`
      CREATE TABLE outcomes (
        id uuid PRIMARY KEY,
        person_key uuid NOT NULL REFERENCES people (key),
        cohort_id uuid NOT NULL,
        status text NOT NULL,
        hours text,
        terms text,
        sector text,
        occupation text,
        through_mentor_network boolean,
        started_on date,
        reported_on date NOT NULL,
        source text NOT NULL,
        source_note text,
        follow_up_months integer,
        invitation_id uuid UNIQUE REFERENCES invitations (id),
        recorded_at timestamptz NOT NULL,
        recorded_by text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX outcomes_cohort_idx ON outcomes (cohort_id, person_key)`);
    await queryRunner.query(`
      CREATE TABLE published_reports (
        id uuid PRIMARY KEY,
        cohort_id uuid NOT NULL,
        kpis jsonb NOT NULL,
        published_at timestamptz NOT NULL,
        published_by text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['published_reports', 'outcomes', 'responses', 'invitation_tokens', 'invitations', 'scheduled_surveys', 'surveys', 'mentorships', 'participants', 'cohorts', 'erased_people', 'people']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
