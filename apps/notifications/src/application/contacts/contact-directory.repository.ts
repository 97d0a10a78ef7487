import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { ContactData, OrganisationRegisteredData } from '@cmp/contracts';
import type { Language } from '../../domain/message';

/** How to reach a person, as enrolment last published it. */
export interface Contact {
  readonly name: string;
  readonly email: string;
  readonly preferredLanguage: Language;
}

/**
 * The contact directory read model (from enrolment's contacts topic), the organisations and
 * people's outcome-sharing consent: what notifications knows of people and organisations.
 */
export abstract class ContactDirectoryRepository {
  abstract saveContact(tx: Transaction, contact: ContactData): Promise<void>;
  abstract findContact(tx: ReadTransaction, personId: string): Promise<Contact | null>;
  abstract saveOrganisation(tx: Transaction, organisation: OrganisationRegisteredData): Promise<void>;
  abstract organisationExists(tx: ReadTransaction, organisationId: string): Promise<boolean>;
  /** Keeps the newest decision should consent events ever be applied out of order. */
  abstract saveOutcomeSharingConsent(tx: Transaction, personId: string, granted: boolean, changedAt: string): Promise<void>;
  /** The person's contact and consent. */
  abstract eraseFor(tx: Transaction, personId: string): Promise<void>;
}
