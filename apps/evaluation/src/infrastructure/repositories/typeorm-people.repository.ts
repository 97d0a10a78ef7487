import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { PersonRole } from '@cmp/contracts';
import { ReadTransaction, Transaction } from '@cmp/kernel';
import { EvaluationConsent, PeopleRepository } from '../../application/people/people.repository';
import { entityManagerOf } from '@cmp/messaging';

const CONSENT_COLUMNS: Record<EvaluationConsent, string> = {
  'follow-up-surveys': 'follow_up_consent',
  'share-outcomes-with-referrer': 'share_outcomes_consent',
};

/** `people` and the `erased_people` tombstones, which keep only a SHA-256 of the erased person's id. */
@Injectable()
export class TypeOrmPeopleRepository extends PeopleRepository {
  async ensureKey(tx: Transaction, personId: string, role: PersonRole | null): Promise<string> {
    const [row] = await entityManagerOf(tx).query(
      `INSERT INTO people (key, person_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET role = COALESCE(people.role, EXCLUDED.role)
       RETURNING key`,
      [randomUUID(), personId, role],
    );
    return row.key as string;
  }

  async keyOf(tx: ReadTransaction, personId: string): Promise<string | null> {
    const [row] = await entityManagerOf(tx).query(`SELECT key FROM people WHERE person_id = $1`, [personId]);
    return row?.key ?? null;
  }

  async personIdOf(tx: ReadTransaction, key: string): Promise<string | null> {
    const [row] = await entityManagerOf(tx).query(`SELECT person_id FROM people WHERE key = $1`, [key]);
    return row?.person_id ?? null;
  }

  async followUpConsentOf(tx: ReadTransaction, key: string): Promise<boolean> {
    const [row] = await entityManagerOf(tx).query(`SELECT follow_up_consent FROM people WHERE key = $1`, [key]);
    return Boolean(row?.follow_up_consent);
  }

  async setConsent(tx: Transaction, key: string, consent: EvaluationConsent, granted: boolean): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE people SET ${CONSENT_COLUMNS[consent]} = $2 WHERE key = $1`, [key, granted]);
  }

  async isErased(tx: ReadTransaction, personId: string): Promise<boolean> {
    const [row] = await entityManagerOf(tx).query(`SELECT 1 FROM erased_people WHERE person_hash = $1`, [erasedHash(personId)]);
    return row !== undefined;
  }

  async markErased(tx: Transaction, personId: string): Promise<void> {
    await entityManagerOf(tx).query(`INSERT INTO erased_people (person_hash) VALUES ($1) ON CONFLICT DO NOTHING`, [erasedHash(personId)]);
  }

  async detach(tx: Transaction, key: string): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE people SET person_id = NULL, share_outcomes_consent = false, erased_at = $2 WHERE key = $1`, [key, tx.now]);
  }
}

function erasedHash(personId: string): string {
  return createHash('sha256').update(`erased:${personId}`).digest('hex');
}
