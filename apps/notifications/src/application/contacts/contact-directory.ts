import { Injectable } from '@nestjs/common';
import type { Transaction } from '@cmp/kernel';
import { ConsentChangedData, ContactData, OrganisationRegisteredData } from '@cmp/contracts';
import { MessageRepository } from '../messages/message.repository';
import { ReferredParticipantRepository } from '../webhooks/referred-participant.repository';
import { WebhookDeliveryRepository } from '../webhooks/webhook-delivery.repository';
import { ContactDirectoryRepository } from './contact-directory.repository';
import { PreferenceRepository } from './preference.repository';

/**
 * The contact directory (from enrolment's compacted contacts topic) and everything that must
 * go when a person is erased.
 */
@Injectable()
export class ContactDirectory {
  constructor(
    private readonly directory: ContactDirectoryRepository,
    private readonly preferences: PreferenceRepository,
    private readonly messages: MessageRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly participants: ReferredParticipantRepository,
  ) {}

  upsert(tx: Transaction, contact: ContactData): Promise<void> {
    return this.directory.saveContact(tx, contact);
  }

  /**
   * Erasure, from the contact tombstone or from person-erased (either may come first; both are
   * idempotent): the contact, preferences and consent go, messages to the person are deleted,
   * and messages to others that mention the person (an introduction shows their name and
   * email) keep only their delivery metadata. Unsent messages about the person are cancelled.
   */
  async erase(tx: Transaction, personId: string): Promise<void> {
    await this.directory.eraseFor(tx, personId);
    await this.preferences.eraseFor(tx, personId);
    await this.messages.eraseFor(tx, personId);
    // Webhook payloads hold only the pseudonyms, but nothing about an erased person stays; with
    // her pseudonyms gone, what partners already received leads back to no one.
    await this.deliveries.eraseFor(tx, personId);
    await this.participants.eraseFor(tx, personId);
  }

  organisationRegistered(tx: Transaction, organisation: OrganisationRegisteredData): Promise<void> {
    return this.directory.saveOrganisation(tx, organisation);
  }

  async consentChanged(tx: Transaction, consent: ConsentChangedData): Promise<void> {
    if (consent.purpose !== 'share-outcomes-with-referrer') return;
    await this.directory.saveOutcomeSharingConsent(tx, consent.personId, consent.granted, consent.changedAt);
  }
}
