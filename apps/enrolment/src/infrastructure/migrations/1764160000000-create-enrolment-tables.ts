import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEnrolmentTables1764160000000 implements MigrationInterface {
  name = 'CreateEnrolmentTables1764160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('company', 'university', 'municipality')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX organisations_name_idx ON organisations (lower(name))`);
    await queryRunner.query(`
      CREATE TABLE cohorts (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        application_deadline date NOT NULL,
        capacity integer NOT NULL CHECK (capacity > 0),
        status text NOT NULL,
        exclude_mentors_from_referring_organisation boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on > starts_on)
      )`);
    await queryRunner.query(`
      CREATE TABLE placement_quotas (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        cohort_id uuid NOT NULL REFERENCES cohorts (id),
        reserved integer NOT NULL CHECK (reserved >= 0),
        used integer NOT NULL CHECK (used >= 0),
        PRIMARY KEY (organisation_id, cohort_id),
        CHECK (used <= reserved)
      )`);
    await queryRunner.query(`
      CREATE TABLE referrals (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        cohort_id uuid REFERENCES cohorts (id),
        code_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        status text NOT NULL,
        redeemed_at timestamptz,
        mentee_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX referrals_organisation_idx ON referrals (organisation_id, cohort_id, status)`);
    await queryRunner.query(`
      CREATE TABLE mentees (
        id uuid PRIMARY KEY,
        name text,
        email text,
        phone text,
        preferred_language text NOT NULL,
        country_of_origin text,
        municipality text,
        languages jsonb NOT NULL,
        education jsonb,
        years_of_experience integer NOT NULL,
        last_occupation text,
        target_occupations jsonb NOT NULL,
        target_industries jsonb NOT NULL,
        skills jsonb NOT NULL,
        availability jsonb NOT NULL,
        preferences jsonb NOT NULL,
        motivation text,
        cohort_id uuid NOT NULL REFERENCES cohorts (id),
        referral_id uuid REFERENCES referrals (id),
        referring_organisation_id uuid REFERENCES organisations (id),
        status text NOT NULL,
        status_reason text,
        applied_at timestamptz NOT NULL,
        placed_at timestamptz,
        erased_at timestamptz
      )`);
    // One open application per email, enforced where concurrent requests cannot slip past it.
    await queryRunner.query(`
      CREATE UNIQUE INDEX mentees_open_email_idx ON mentees (email)
        WHERE status IN ('applied', 'accepted', 'waitlisted', 'placed', 'active')`);
    await queryRunner.query(`CREATE INDEX mentees_cohort_status_idx ON mentees (cohort_id, status, applied_at)`);
    await queryRunner.query(`
      CREATE TABLE mentors (
        id uuid PRIMARY KEY,
        name text,
        email text,
        preferred_language text NOT NULL,
        employer_organisation_id uuid NOT NULL REFERENCES organisations (id),
        occupation text NOT NULL,
        industry text NOT NULL,
        years_of_experience integer NOT NULL,
        languages jsonb NOT NULL,
        expertise jsonb NOT NULL,
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 3),
        availability jsonb NOT NULL,
        cohort_ids jsonb NOT NULL,
        municipality text,
        status text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX mentors_email_idx ON mentors (email) WHERE status <> 'withdrawn'`);
    await queryRunner.query(`
      CREATE TABLE consents (
        person_id uuid NOT NULL,
        purpose text NOT NULL,
        granted boolean NOT NULL,
        notice_version text NOT NULL,
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (person_id, purpose)
      )`);
    await queryRunner.query(`
      CREATE TABLE audit_entries (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        fields jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX audit_entries_entity_idx ON audit_entries (entity_id, id)`);
    await queryRunner.query(`
      CREATE TABLE idempotency_records (
        key text NOT NULL,
        route text NOT NULL,
        request_hash text NOT NULL,
        status_code integer,
        response_body jsonb,
        person_ids jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (key, route)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['idempotency_records', 'audit_entries', 'consents', 'mentors', 'mentees', 'referrals', 'placement_quotas', 'cohorts', 'organisations']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
