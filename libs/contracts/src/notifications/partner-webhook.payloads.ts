import { IsBoolean, IsDateString, IsIn, IsOptional, IsUUID } from 'class-validator';
import { EMPLOYMENT_HOURS, EMPLOYMENT_TERMS, OUTCOME_STATUSES, OutcomeStatus } from '../evaluation/outcome.events';
import { IsIscoCode, IsNaceCode } from '../reference';

/**
 * What partner organisations receive by webhook: CloudEvents in structured mode
 * (`application/cloudevents+json`), signed by notifications. These never travel on Kafka, so
 * they are not `defineEvent` contracts; they carry only pseudonymous ids and what the
 * participant agreed to share — never a name, an email or a free-text reason.
 *
 * `participantId` is a pseudonym per organisation: stable for one person across every event
 * an organisation receives, different for every organisation, and never the person's id in
 * CMP. When the person is erased, CMP forgets the pseudonym, so it leads back to no one.
 */
export const PARTNER_WEBHOOK_SOURCE = '/cmp/notifications/webhooks';

/** A referred participant moved on in the programme. */
export const ReferralStatusChangedType = 'dk.cmp.notifications.referral-status-changed.v1';

export const REFERRAL_STATUSES = ['applied', 'accepted', 'waitlisted', 'rejected', 'placed', 'withdrawn', 'matched', 'completed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export class ReferralStatusChangedData {
  /**
   * The participant's pseudonym for the receiving organisation (a random UUID, stable across
   * events, different per organisation, never her CMP id; forgotten by CMP when she is erased).
   */
  @IsUUID() participantId: string;
  /** The referral the partner issued, when the application came with one. */
  @IsOptional() @IsUUID() referralId?: string;
  @IsOptional() @IsUUID() cohortId?: string;
  @IsIn(REFERRAL_STATUSES) status: ReferralStatus;
  /** When the change happened in CMP (RFC 3339). */
  @IsDateString() occurredAt: string;
}

/**
 * A referred participant's employment outcome, sent only while the participant consents to
 * `share-outcomes-with-referrer`.
 */
export const ReferralOutcomeRecordedType = 'dk.cmp.notifications.referral-outcome-recorded.v1';

export class ReferralOutcomeRecordedData {
  /** The same per-organisation pseudonym as in `ReferralStatusChangedData`. */
  @IsUUID() participantId: string;
  @IsOptional() @IsUUID() referralId?: string;
  @IsUUID() cohortId: string;
  @IsIn(OUTCOME_STATUSES) status: OutcomeStatus;
  @IsOptional() @IsIn(EMPLOYMENT_HOURS) hours?: (typeof EMPLOYMENT_HOURS)[number];
  @IsOptional() @IsIn(EMPLOYMENT_TERMS) terms?: (typeof EMPLOYMENT_TERMS)[number];
  @IsOptional() @IsNaceCode() sector?: string;
  @IsOptional() @IsIscoCode() occupation?: string;
  @IsOptional() @IsBoolean() throughMentorNetwork?: boolean;
  @IsOptional() @IsDateString({ strict: true }) startedOn?: string;
  @IsDateString() recordedAt: string;
}

/** The event types a partner may subscribe to. */
export const PARTNER_WEBHOOK_EVENT_TYPES = [ReferralStatusChangedType, ReferralOutcomeRecordedType] as const;
export type PartnerWebhookEventType = (typeof PARTNER_WEBHOOK_EVENT_TYPES)[number];

/** Headers of a webhook delivery; the signature is `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`. */
export const WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';
/** Unix seconds when the delivery was signed; receivers refuse old ones to stop replays. */
export const WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
/** Unique per delivery attempt series; a manual redelivery gets a new one, the event id stays. */
export const WEBHOOK_DELIVERY_ID_HEADER = 'webhook-id';
