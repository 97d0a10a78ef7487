import { Injectable } from '@nestjs/common';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { ContactData, OrganisationRegisteredData } from '@cmp/contracts';
import { Contact, ContactDirectoryRepository } from '../../application/contacts/contact-directory.repository';
import type { Language } from '../../domain/message';
import { entityManagerOf } from '@cmp/messaging';

/** Upserts keyed by the publisher's ids, so replayed and compacted records settle on the latest. */
@Injectable()
export class TypeOrmContactDirectoryRepository extends ContactDirectoryRepository {
  async saveContact(tx: Transaction, contact: ContactData): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO contacts (person_id, role, name, email, preferred_language, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (person_id) DO UPDATE SET role = excluded.role, name = excluded.name, email = excluded.email,
         preferred_language = excluded.preferred_language, updated_at = excluded.updated_at`,
      [contact.personId, contact.role, contact.name, contact.email, contact.preferredLanguage, tx.now],
    );
  }

  async findContact(tx: ReadTransaction, personId: string): Promise<Contact | null> {
    const [row]: { name: string; email: string; preferred_language: Language }[] = await entityManagerOf(tx).query(
      `SELECT name, email, preferred_language FROM contacts WHERE person_id = $1`,
      [personId],
    );
    return row ? { name: row.name, email: row.email, preferredLanguage: row.preferred_language } : null;
  }

  async saveOrganisation(tx: Transaction, organisation: OrganisationRegisteredData): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO organisations (id, name, kind) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind`,
      [organisation.organisationId, organisation.name, organisation.kind],
    );
  }

  async organisationExists(tx: ReadTransaction, organisationId: string): Promise<boolean> {
    const [known]: unknown[] = await entityManagerOf(tx).query(`SELECT 1 FROM organisations WHERE id = $1`, [organisationId]);
    return known !== undefined;
  }

  async saveOutcomeSharingConsent(tx: Transaction, personId: string, granted: boolean, changedAt: string): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO outcome_sharing_consents (person_id, granted, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET granted = excluded.granted, changed_at = excluded.changed_at
       WHERE outcome_sharing_consents.changed_at <= excluded.changed_at`,
      [personId, granted, changedAt],
    );
  }

  async eraseFor(tx: Transaction, personId: string): Promise<void> {
    const manager = entityManagerOf(tx);
    await manager.query(`DELETE FROM contacts WHERE person_id = $1`, [personId]);
    await manager.query(`DELETE FROM outcome_sharing_consents WHERE person_id = $1`, [personId]);
  }
}
