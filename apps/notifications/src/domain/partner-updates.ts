import {
  type EventContract,
  MatchConfirmed,
  MenteeAccepted,
  MenteeApplied,
  MenteePlaced,
  MenteeRejected,
  MenteeWaitlisted,
  MenteeWithdrew,
  MentorshipCompleted,
  OutcomeRecorded,
  OutcomeRecordedData,
  PartnerWebhookEventType,
  ReferralOutcomeRecordedData,
  ReferralOutcomeRecordedType,
  ReferralStatus,
  ReferralStatusChangedData,
  ReferralStatusChangedType,
} from '@cmp/contracts';

/** The referral step each event means to the referring partner. */
const REFERRAL_STEPS: readonly (readonly [EventContract, ReferralStatus])[] = [
  [MenteeApplied, 'applied'],
  [MenteeAccepted, 'accepted'],
  [MenteeWaitlisted, 'waitlisted'],
  [MenteeRejected, 'rejected'],
  [MenteePlaced, 'placed'],
  [MenteeWithdrew, 'withdrawn'],
  [MatchConfirmed, 'matched'],
  [MentorshipCompleted, 'completed'],
];

export const REFERRAL_STATUS_OF: Readonly<Record<string, ReferralStatus>> = Object.fromEntries(REFERRAL_STEPS.map(([event, status]) => [event.type, status]));

/** The events that tell which organisation referred a mentee (and under which referral). */
export const REFERRAL_SOURCE_EVENTS: readonly EventContract[] = [MenteeApplied, MenteePlaced];

/** Every event a partner update is made from; the consumer subscribes to these with the rule book's. */
export const PARTNER_UPDATE_EVENTS: readonly EventContract[] = [
  ...new Set([...REFERRAL_SOURCE_EVENTS, ...REFERRAL_STEPS.map(([event]) => event), OutcomeRecorded]),
];

/** A mentee a partner referred, as notifications knows them: no contact details. */
export interface ReferredParticipant {
  readonly menteeId: string;
  /**
   * What this organisation calls her: a random id of its own (`partner_pseudonyms`), never her
   * person id, so what a partner holds links to nothing else in CMP, and to nothing once she is
   * erased.
   */
  readonly pseudonym: string;
  readonly organisationId: string;
  readonly referralId: string | null;
  readonly cohortId: string | null;
  /** The participant's `share-outcomes-with-referrer` consent, as last heard. */
  readonly sharesOutcomes: boolean;
}

export interface PartnerUpdate {
  readonly organisationId: string;
  readonly type: PartnerWebhookEventType;
  readonly data: ReferralStatusChangedData | ReferralOutcomeRecordedData;
}

/** What the referring partner may learn of a status change: the step, ids and when. */
export function statusUpdate(participant: ReferredParticipant, status: ReferralStatus, occurredAt: string, cohortId?: string): PartnerUpdate {
  const data: ReferralStatusChangedData = {
    participantId: participant.pseudonym,
    status,
    occurredAt,
    ...(participant.referralId ? { referralId: participant.referralId } : {}),
    ...((cohortId ?? participant.cohortId) ? { cohortId: cohortId ?? participant.cohortId ?? undefined } : {}),
  };
  return { organisationId: participant.organisationId, type: ReferralStatusChangedType, data };
}

/**
 * The outcome goes out only with the participant's consent, and then only the employment facts:
 * how it was learnt (`source`) and internal ids stay home.
 */
export function outcomeUpdate(participant: ReferredParticipant, outcome: OutcomeRecordedData): PartnerUpdate | null {
  if (!participant.sharesOutcomes) return null;
  const optional = <K extends keyof OutcomeRecordedData>(key: K) => (outcome[key] === undefined ? {} : { [key]: outcome[key] });
  const data: ReferralOutcomeRecordedData = {
    participantId: participant.pseudonym,
    cohortId: outcome.cohortId,
    status: outcome.status,
    recordedAt: outcome.recordedAt,
    ...(participant.referralId ? { referralId: participant.referralId } : {}),
    ...optional('hours'),
    ...optional('terms'),
    ...optional('sector'),
    ...optional('occupation'),
    ...optional('throughMentorNetwork'),
    ...optional('startedOn'),
  };
  return { organisationId: participant.organisationId, type: ReferralOutcomeRecordedType, data };
}
