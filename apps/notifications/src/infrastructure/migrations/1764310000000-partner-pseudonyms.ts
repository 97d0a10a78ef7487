import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partners knew a participant by her CMP person id, which other services keep on the anonymous
 * rows that survive her erasure: a partner holding it could re-identify them. Each organisation
 * now knows her by a random pseudonym of its own, held only in this table; erasure deletes her
 * rows, after which no pseudonym a partner holds leads back to anyone.
 */
export class PartnerPseudonyms1764310000000 implements MigrationInterface {
  name = 'PartnerPseudonyms1764310000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE partner_pseudonyms (
        organisation_id uuid NOT NULL,
        person_id uuid NOT NULL,
        pseudonym uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, person_id)
      )`);
    await runner.query(`CREATE INDEX partner_pseudonyms_person_id ON partner_pseudonyms (person_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE partner_pseudonyms`);
  }
}
