import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  CloudEvent,
  MatchConfirmed,
  MatchConfirmedData,
  MenteeAccepted,
  MenteeApplied,
  MenteeAppliedData,
  MenteePlaced,
  MenteePlacedData,
  MenteeRejected,
  MenteeWaitlisted,
  MenteeWithdrew,
  MentorshipCompleted,
  MentorshipCompletedData,
  OutcomeRecorded,
  OutcomeRecordedData,
  PARTNER_WEBHOOK_SOURCE,
  ReferralStatus,
  toStructuredJson,
} from '@cmp/contracts';
import { Clock, CLOCK } from '@cmp/platform';
import { outcomeUpdate, PartnerUpdate, ReferredParticipant, statusUpdate } from '../../domain/partner-updates';

const STATUS_OF: Readonly<Record<string, ReferralStatus>> = {
  [MenteeApplied.type]: 'applied',
  [MenteeAccepted.type]: 'accepted',
  [MenteeWaitlisted.type]: 'waitlisted',
  [MenteeRejected.type]: 'rejected',
  [MenteePlaced.type]: 'placed',
  [MenteeWithdrew.type]: 'withdrawn',
  [MatchConfirmed.type]: 'matched',
  [MentorshipCompleted.type]: 'completed',
};

/**
 * Decides which partner hears of an event: only the organisation that referred the mentee
 * (learnt from mentee-applied/placed), only for its active subscriptions to that type, and only
 * what {@link statusUpdate}/{@link outcomeUpdate} let through. Each subscription gets a durable
 * delivery row, unique per source event, so a replayed event adds nothing.
 */
@Injectable()
export class PartnerUpdateRouter {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async route(manager: EntityManager, event: CloudEvent<object>): Promise<number> {
    if (event.type === MenteeApplied.type || event.type === MenteePlaced.type) {
      await this.remember(manager, event.data as MenteeAppliedData | MenteePlacedData);
    }
    const menteeId = (event.data as { menteeId?: string }).menteeId;
    if (!menteeId) return 0;
    const participant = await this.participant(manager, menteeId);
    if (!participant) return 0;
    let update: PartnerUpdate | null = null;
    if (event.type === OutcomeRecorded.type) {
      update = outcomeUpdate(participant, event.data as OutcomeRecordedData);
    } else if (STATUS_OF[event.type]) {
      const cohortId = (event.data as Partial<MatchConfirmedData | MentorshipCompletedData>).cohortId;
      update = statusUpdate(participant, STATUS_OF[event.type], event.time, cohortId);
    }
    return update ? this.enqueue(manager, event.id, menteeId, update) : 0;
  }

  private async remember(manager: EntityManager, data: MenteeAppliedData | MenteePlacedData): Promise<void> {
    if (!data.referringOrganisationId) return;
    const referralId = 'referralId' in data ? (data.referralId ?? null) : null;
    await manager.query(
      `INSERT INTO referred_participants (mentee_id, organisation_id, referral_id, cohort_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (mentee_id) DO UPDATE SET organisation_id = excluded.organisation_id,
         referral_id = coalesce(excluded.referral_id, referred_participants.referral_id), cohort_id = excluded.cohort_id`,
      [data.menteeId, data.referringOrganisationId, referralId, data.cohortId],
    );
  }

  private async participant(manager: EntityManager, menteeId: string): Promise<ReferredParticipant | null> {
    const [row]: { organisation_id: string; referral_id: string | null; cohort_id: string | null; granted: boolean | null }[] = await manager.query(
      `SELECT p.organisation_id, p.referral_id, p.cohort_id, c.granted
       FROM referred_participants p LEFT JOIN outcome_sharing_consents c ON c.person_id = p.mentee_id WHERE p.mentee_id = $1`,
      [menteeId],
    );
    if (!row) return null;
    return {
      menteeId,
      pseudonym: await this.pseudonym(manager, row.organisation_id, menteeId),
      organisationId: row.organisation_id,
      referralId: row.referral_id,
      cohortId: row.cohort_id,
      sharesOutcomes: row.granted === true,
    };
  }

  /**
   * The organisation's pseudonym for the person, made on first use. Random rather than derived
   * (an HMAC of the person id) on purpose: a derived one could be recomputed from any person id
   * CMP still holds after an erasure, while a deleted random one cannot.
   */
  private async pseudonym(manager: EntityManager, organisationId: string, personId: string): Promise<string> {
    // DO UPDATE, not DO NOTHING: it returns the existing row too, in one statement that two
    // concurrent consumers cannot both win.
    const [row]: { pseudonym: string }[] = await manager.query(
      `INSERT INTO partner_pseudonyms (organisation_id, person_id) VALUES ($1, $2)
       ON CONFLICT (organisation_id, person_id) DO UPDATE SET person_id = excluded.person_id RETURNING pseudonym`,
      [organisationId, personId],
    );
    return row.pseudonym;
  }

  /** `personId` is kept on the delivery (never sent) so that erasure can delete it. */
  private async enqueue(manager: EntityManager, sourceEventId: string, personId: string, update: PartnerUpdate): Promise<number> {
    const subscriptions: { id: string }[] = await manager.query(
      `SELECT id FROM webhook_subscriptions WHERE organisation_id = $1 AND status = 'active' AND $2 = ANY (event_types)`,
      [update.organisationId, update.type],
    );
    if (subscriptions.length === 0) return 0;
    const now = this.clock();
    const cloudEventId = randomUUID();
    const payload = toStructuredJson({
      specversion: '1.0',
      id: cloudEventId,
      source: PARTNER_WEBHOOK_SOURCE,
      type: update.type,
      time: now.toISOString(),
      subject: update.data.participantId,
      datacontenttype: 'application/json',
      correlationid: cloudEventId,
      data: update.data,
    });
    let created = 0;
    for (const subscription of subscriptions) {
      const rows: unknown[] = await manager.query(
        `INSERT INTO webhook_deliveries (id, subscription_id, organisation_id, cloud_event_id, source_event_id, event_type, participant_id,
           payload, status, attempts, next_attempt_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', 0, $9, $9)
         ON CONFLICT (subscription_id, source_event_id, event_type) WHERE redelivery_of IS NULL DO NOTHING RETURNING id`,
        [randomUUID(), subscription.id, update.organisationId, cloudEventId, sourceEventId, update.type, personId, payload, now],
      );
      created += rows.length;
    }
    return created;
  }
}
