import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsentChangedData, ContactData, OrganisationRegisteredData } from '@cmp/contracts';
import { Clock, CLOCK } from '@cmp/platform';

/**
 * The contact directory (from enrolment's compacted contacts topic) and everything that must
 * go when a person is erased.
 */
@Injectable()
export class ContactDirectory {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async upsert(manager: EntityManager, contact: ContactData): Promise<void> {
    await manager.query(
      `INSERT INTO contacts (person_id, role, name, email, preferred_language, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (person_id) DO UPDATE SET role = excluded.role, name = excluded.name, email = excluded.email,
         preferred_language = excluded.preferred_language, updated_at = excluded.updated_at`,
      [contact.personId, contact.role, contact.name, contact.email, contact.preferredLanguage, this.clock()],
    );
  }

  /**
   * Erasure, from the contact tombstone or from person-erased (either may come first; both are
   * idempotent): the contact, preferences and consent go, messages to the person are deleted,
   * and messages to others that mention the person (an introduction shows their name and
   * email) keep only their delivery metadata. Unsent messages about the person are cancelled.
   */
  async erase(manager: EntityManager, personId: string): Promise<void> {
    await manager.query(`DELETE FROM contacts WHERE person_id = $1`, [personId]);
    await manager.query(`DELETE FROM preferences WHERE person_id = $1`, [personId]);
    await manager.query(`DELETE FROM outcome_sharing_consents WHERE person_id = $1`, [personId]);
    await manager.query(`DELETE FROM messages WHERE person_id = $1`, [personId]);
    await manager.query(
      `UPDATE messages SET subject = NULL, text_body = NULL, html_body = NULL, model = '{}'::jsonb, calendar = NULL, peer_id = NULL,
         mentions = array_remove(mentions, $1::uuid),
         status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END,
         last_error = CASE WHEN status = 'pending' THEN 'a person it mentions was erased' ELSE last_error END
       WHERE $1::uuid = ANY (mentions)`,
      [personId],
    );
    // Webhook payloads hold only the pseudonyms, but nothing about an erased person stays; with
    // her pseudonyms gone, what partners already received leads back to no one.
    await manager.query(`DELETE FROM webhook_deliveries WHERE participant_id = $1`, [personId]);
    await manager.query(`DELETE FROM partner_pseudonyms WHERE person_id = $1`, [personId]);
    await manager.query(`DELETE FROM referred_participants WHERE mentee_id = $1`, [personId]);
  }

  async organisationRegistered(manager: EntityManager, organisation: OrganisationRegisteredData): Promise<void> {
    await manager.query(
      `INSERT INTO organisations (id, name, kind) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind`,
      [organisation.organisationId, organisation.name, organisation.kind],
    );
  }

  async consentChanged(manager: EntityManager, consent: ConsentChangedData): Promise<void> {
    if (consent.purpose !== 'share-outcomes-with-referrer') return;
    // Keep the newest decision if consent events were ever applied out of order.
    await manager.query(
      `INSERT INTO outcome_sharing_consents (person_id, granted, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET granted = excluded.granted, changed_at = excluded.changed_at
       WHERE outcome_sharing_consents.changed_at <= excluded.changed_at`,
      [consent.personId, consent.granted, consent.changedAt],
    );
  }
}
