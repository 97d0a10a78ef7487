import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Transaction } from '@cmp/kernel';
import {
  CloudEvent,
  MatchConfirmedData,
  MenteeAppliedData,
  MenteePlacedData,
  MentorshipCompletedData,
  OutcomeRecorded,
  OutcomeRecordedData,
  PARTNER_WEBHOOK_SOURCE,
  toStructuredJson,
} from '@cmp/contracts';
import { outcomeUpdate, PartnerUpdate, REFERRAL_SOURCE_EVENTS, REFERRAL_STATUS_OF, ReferredParticipant, statusUpdate } from '../../domain/partner-updates';
import { ReferredParticipantRepository } from './referred-participant.repository';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';

/**
 * Decides which partner hears of an event: only the organisation that referred the mentee
 * (learnt from mentee-applied/placed), only for its active subscriptions to that type, and only
 * what {@link statusUpdate}/{@link outcomeUpdate} let through. Each subscription gets a durable
 * delivery row, unique per source event, so a replayed event adds nothing.
 */
@Injectable()
export class PartnerUpdateRouter {
  constructor(
    private readonly participants: ReferredParticipantRepository,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {}

  async route(tx: Transaction, event: CloudEvent<object>): Promise<number> {
    if (REFERRAL_SOURCE_EVENTS.some((source) => source.type === event.type)) {
      await this.remember(tx, event.data as MenteeAppliedData | MenteePlacedData);
    }
    const menteeId = (event.data as { menteeId?: string }).menteeId;
    if (!menteeId) return 0;
    const participant = await this.participant(tx, menteeId);
    if (!participant) return 0;
    let update: PartnerUpdate | null = null;
    if (event.type === OutcomeRecorded.type) {
      update = outcomeUpdate(participant, event.data as OutcomeRecordedData);
    } else if (REFERRAL_STATUS_OF[event.type]) {
      const cohortId = (event.data as Partial<MatchConfirmedData | MentorshipCompletedData>).cohortId;
      update = statusUpdate(participant, REFERRAL_STATUS_OF[event.type], event.time, cohortId);
    }
    return update ? this.enqueue(tx, event.id, menteeId, update) : 0;
  }

  private async remember(tx: Transaction, data: MenteeAppliedData | MenteePlacedData): Promise<void> {
    if (!data.referringOrganisationId) return;
    const referralId = 'referralId' in data ? (data.referralId ?? null) : null;
    await this.participants.remember(tx, { menteeId: data.menteeId, organisationId: data.referringOrganisationId, referralId, cohortId: data.cohortId });
  }

  /**
   * The organisation's pseudonym for the person is made on first use. Random rather than derived
   * (an HMAC of the person id) on purpose: a derived one could be recomputed from any person id
   * CMP still holds after an erasure, while a deleted random one cannot.
   */
  private async participant(tx: Transaction, menteeId: string): Promise<ReferredParticipant | null> {
    const referred = await this.participants.find(tx, menteeId);
    if (!referred) return null;
    return { menteeId, pseudonym: await this.participants.pseudonymFor(tx, referred.organisationId, menteeId), ...referred };
  }

  /** `personId` is kept on the delivery (never sent) so that erasure can delete it. */
  private async enqueue(tx: Transaction, sourceEventId: string, personId: string, update: PartnerUpdate): Promise<number> {
    const subscriptionIds = await this.subscriptions.activeIdsFor(tx, update.organisationId, update.type);
    if (subscriptionIds.length === 0) return 0;
    const cloudEventId = randomUUID();
    const payload = toStructuredJson({
      specversion: '1.0',
      id: cloudEventId,
      source: PARTNER_WEBHOOK_SOURCE,
      type: update.type,
      time: tx.now.toISOString(),
      subject: update.data.participantId,
      datacontenttype: 'application/json',
      correlationid: cloudEventId,
      data: update.data,
    });
    let created = 0;
    for (const subscriptionId of subscriptionIds) {
      const added = await this.deliveries.enqueue(tx, {
        id: randomUUID(),
        subscriptionId,
        organisationId: update.organisationId,
        cloudEventId,
        sourceEventId,
        eventType: update.type,
        participantId: personId,
        payload,
      });
      if (added) created += 1;
    }
    return created;
  }
}
