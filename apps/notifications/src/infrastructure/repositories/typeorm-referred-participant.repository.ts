import { Injectable } from '@nestjs/common';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { ReferredMentee, Referral, ReferredParticipantRepository } from '../../application/webhooks/referred-participant.repository';
import { entityManagerOf } from '@cmp/messaging';

@Injectable()
export class TypeOrmReferredParticipantRepository extends ReferredParticipantRepository {
  async remember(tx: Transaction, referral: Referral): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO referred_participants (mentee_id, organisation_id, referral_id, cohort_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (mentee_id) DO UPDATE SET organisation_id = excluded.organisation_id,
         referral_id = coalesce(excluded.referral_id, referred_participants.referral_id), cohort_id = excluded.cohort_id`,
      [referral.menteeId, referral.organisationId, referral.referralId, referral.cohortId],
    );
  }

  async find(tx: ReadTransaction, menteeId: string): Promise<ReferredMentee | null> {
    const [row]: { organisation_id: string; referral_id: string | null; cohort_id: string | null; granted: boolean | null }[] = await entityManagerOf(tx).query(
      `SELECT p.organisation_id, p.referral_id, p.cohort_id, c.granted
       FROM referred_participants p LEFT JOIN outcome_sharing_consents c ON c.person_id = p.mentee_id WHERE p.mentee_id = $1`,
      [menteeId],
    );
    if (!row) return null;
    return { organisationId: row.organisation_id, referralId: row.referral_id, cohortId: row.cohort_id, sharesOutcomes: row.granted === true };
  }

  async pseudonymFor(tx: Transaction, organisationId: string, personId: string): Promise<string> {
    // DO UPDATE, not DO NOTHING: it returns the existing row too, in one statement that two
    // concurrent consumers cannot both win.
    const [row]: { pseudonym: string }[] = await entityManagerOf(tx).query(
      `INSERT INTO partner_pseudonyms (organisation_id, person_id) VALUES ($1, $2)
       ON CONFLICT (organisation_id, person_id) DO UPDATE SET person_id = excluded.person_id RETURNING pseudonym`,
      [organisationId, personId],
    );
    return row.pseudonym;
  }

  async eraseFor(tx: Transaction, personId: string): Promise<void> {
    const manager = entityManagerOf(tx);
    await manager.query(`DELETE FROM partner_pseudonyms WHERE person_id = $1`, [personId]);
    await manager.query(`DELETE FROM referred_participants WHERE mentee_id = $1`, [personId]);
  }
}
