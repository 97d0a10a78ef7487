import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotificationsTables1764180000000 implements MigrationInterface {
  name = 'CreateNotificationsTables1764180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The contact directory: the latest record per person from the compacted contacts topic.
    await queryRunner.query(`
      CREATE TABLE contacts (
        person_id uuid PRIMARY KEY,
        role text NOT NULL,
        name text NOT NULL,
        email text NOT NULL,
        preferred_language text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // Partner organisations, from enrolment: only a registered organisation may subscribe.
    await queryRunner.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE preferences (
        person_id uuid PRIMARY KEY,
        non_essential boolean NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE referred_participants (
        mentee_id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        referral_id uuid,
        cohort_id uuid
      )`);
    await queryRunner.query(`CREATE INDEX referred_participants_org_idx ON referred_participants (organisation_id)`);
    await queryRunner.query(`
      CREATE TABLE outcome_sharing_consents (
        person_id uuid PRIMARY KEY,
        granted boolean NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
    // One row per (event, recipient, channel): the unique key makes a replayed event a no-op.
    await queryRunner.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY,
        event_id text NOT NULL,
        event_type text NOT NULL,
        template text NOT NULL,
        recipient_key text NOT NULL,
        person_id uuid,
        channel text NOT NULL,
        essential boolean NOT NULL,
        secret boolean NOT NULL,
        model jsonb NOT NULL,
        peer_id uuid,
        calendar jsonb,
        mentions uuid[] NOT NULL,
        language text,
        to_address text,
        subject text,
        text_body text,
        html_body text,
        status text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        first_attempt_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        read_at timestamptz,
        CONSTRAINT messages_once UNIQUE (event_id, recipient_key, channel)
      )`);
    await queryRunner.query(`CREATE INDEX messages_due_idx ON messages (next_attempt_at) WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX messages_inbox_idx ON messages (recipient_key, created_at DESC) WHERE channel = 'inbox'`);
    await queryRunner.query(`CREATE INDEX messages_mentions_idx ON messages USING gin (mentions)`);
    await queryRunner.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        url text NOT NULL,
        event_types text[] NOT NULL,
        secret text NOT NULL,
        contact_email text,
        language text NOT NULL,
        description text,
        status text NOT NULL,
        consecutive_failures integer NOT NULL DEFAULT 0,
        disabled_reason text,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX webhook_subscriptions_org_idx ON webhook_subscriptions (organisation_id, status)`);
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL,
        cloud_event_id uuid NOT NULL,
        source_event_id text NOT NULL,
        event_type text NOT NULL,
        participant_id uuid NOT NULL,
        payload text NOT NULL,
        status text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        first_attempt_at timestamptz,
        last_status_code integer,
        last_error text,
        redelivery_of uuid REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX webhook_deliveries_once ON webhook_deliveries (subscription_id, source_event_id, event_type) WHERE redelivery_of IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX webhook_deliveries_org_idx ON webhook_deliveries (organisation_id, created_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE webhook_attempts (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
        attempted_at timestamptz NOT NULL,
        status_code integer,
        error text,
        response_excerpt text,
        duration_ms integer NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, attempted_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'webhook_attempts',
      'webhook_deliveries',
      'webhook_subscriptions',
      'messages',
      'outcome_sharing_consents',
      'referred_participants',
      'preferences',
      'organisations',
      'contacts',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
