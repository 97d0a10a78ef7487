import {
  ExistingAccountEnrolmentAttemptedData,
  MatchConfirmedData,
  MenteeAcceptedData,
  MenteeAppliedData,
  MenteePlacedData,
  MenteeRejectedData,
  MenteeWaitlistedData,
  MenteeWithdrewData,
  MentorRegisteredData,
  MentorshipCompletedData,
  MentorshipStalledData,
  SessionCancelledData,
  SessionConfirmedData,
  SessionReminderDueData,
  SessionRescheduledData,
  SignInLinkRequestedData,
  SurveyReminderDueData,
  SurveySentData,
} from '@cmp/contracts';
import { CalendarInvitation, Channel, MessageIntent, TemplateModel } from './message';

const BOTH: readonly Channel[] = ['email', 'inbox'];
const person = (personId: string) => ({ kind: 'person' as const, personId });

/** Each rule turns one event's data into the messages it causes; pure, one per event type. */
export type MessageRule<TData> = (data: TData) => MessageIntent[];

export const applicationReceived: MessageRule<MenteeAppliedData> = (data) => [
  {
    template: 'application-received',
    recipient: person(data.menteeId),
    channels: BOTH,
    essential: true,
    model: { cohortId: data.cohortId, referred: data.referralId !== undefined },
  },
];

export const applicationAccepted: MessageRule<MenteeAcceptedData> = (data) => [
  { template: 'application-accepted', recipient: person(data.menteeId), channels: BOTH, essential: true, model: { cohortId: data.cohortId } },
];

export const applicationWaitlisted: MessageRule<MenteeWaitlistedData> = (data) => [
  {
    template: 'application-waitlisted',
    recipient: person(data.menteeId),
    channels: BOTH,
    essential: true,
    model: { cohortId: data.cohortId, position: data.position },
  },
];

export const applicationRejected: MessageRule<MenteeRejectedData> = (data) => [
  { template: 'application-rejected', recipient: person(data.menteeId), channels: BOTH, essential: true, model: { reason: data.reason } },
];

export const menteePlaced: MessageRule<MenteePlacedData> = (data) => [
  { template: 'mentee-placed', recipient: person(data.menteeId), channels: BOTH, essential: true, model: { cohortId: data.cohortId } },
];

export const menteeWithdrew: MessageRule<MenteeWithdrewData> = (data) => [
  {
    template: 'mentee-withdrew',
    recipient: person(data.menteeId),
    channels: BOTH,
    essential: true,
    model: { byCoordinator: data.by === 'coordinator', reason: data.reason },
  },
];

export const mentorWelcome: MessageRule<MentorRegisteredData> = (data) => [
  { template: 'mentor-welcome', recipient: person(data.mentorId), channels: BOTH, essential: true, model: { cohortCount: data.profile.cohortIds.length } },
];

/** Both sides get an introduction with the other's first name and email. */
export const matchIntroduction: MessageRule<MatchConfirmedData> = (data) =>
  [
    { to: data.menteeId, peer: data.mentorId, role: 'mentee' },
    { to: data.mentorId, peer: data.menteeId, role: 'mentor' },
  ].map(({ to, peer, role }) => ({
    template: 'match-introduction' as const,
    recipient: person(to),
    channels: BOTH,
    essential: true,
    peerId: peer,
    model: { matchId: data.matchId, recipientIsMentee: role === 'mentee', menteeId: data.menteeId, mentorId: data.mentorId },
  }));

function sessionModel(data: SessionConfirmedData): TemplateModel {
  return {
    sessionId: data.sessionId,
    startsAt: data.startsAt,
    endsAt: data.endsAt,
    online: data.mode === 'online',
    place: data.place ?? null,
    link: data.link ?? null,
    theme: data.theme ?? null,
    menteeId: data.menteeId,
    mentorId: data.mentorId,
  };
}

function invitation(data: SessionConfirmedData): CalendarInvitation {
  return {
    uid: `${data.sessionId}@cmp`,
    sequence: data.sequence,
    method: 'REQUEST',
    startsAt: data.startsAt,
    endsAt: data.endsAt,
    ...(data.place ? { location: data.place } : {}),
    ...(data.link ? { url: data.link } : {}),
  };
}

function toThePair<T extends { menteeId: string; mentorId: string }>(data: T, intent: Omit<MessageIntent, 'recipient' | 'peerId'>): MessageIntent[] {
  return [
    { ...intent, recipient: person(data.menteeId), peerId: data.mentorId },
    { ...intent, recipient: person(data.mentorId), peerId: data.menteeId },
  ];
}

export const sessionConfirmed: MessageRule<SessionConfirmedData> = (data) =>
  toThePair(data, { template: 'session-confirmed', channels: BOTH, essential: true, model: sessionModel(data), calendar: invitation(data) });

export const sessionRescheduled: MessageRule<SessionRescheduledData> = (data) =>
  toThePair(data, {
    template: 'session-rescheduled',
    channels: BOTH,
    essential: true,
    model: { ...sessionModel(data), previousStartsAt: data.previousStartsAt },
    calendar: invitation(data),
  });

export const sessionCancelled: MessageRule<SessionCancelledData> = (data) =>
  toThePair(data, {
    template: 'session-cancelled',
    channels: BOTH,
    essential: true,
    model: {
      sessionId: data.sessionId,
      startsAt: data.startsAt ?? null,
      reason: data.reason,
      cancelledBySystem: data.cancelledBy === 'system',
      menteeId: data.menteeId,
      mentorId: data.mentorId,
    },
    // A session that never had a time was never in anyone's calendar.
    ...(data.startsAt && data.endsAt
      ? { calendar: { uid: `${data.sessionId}@cmp`, sequence: data.sequence, method: 'CANCEL' as const, startsAt: data.startsAt, endsAt: data.endsAt } }
      : {}),
  });

/** Reminders can be switched off: they are the first thing a busy person opts out of. */
export const sessionReminder: MessageRule<SessionReminderDueData> = (data) =>
  toThePair(data, { template: 'session-reminder', channels: BOTH, essential: false, model: { ...sessionModel(data), inOneHour: data.leadTime === '1h' } });

/** A nudge to the pair and a task for the coordinators. */
export const mentorshipStalled: MessageRule<MentorshipStalledData> = (data) => [
  ...toThePair(data, {
    template: 'mentorship-stalled-nudge',
    channels: BOTH,
    essential: false,
    model: { noKickOff: data.reason === 'no-kick-off', daysWithoutSession: data.daysWithoutSession, menteeId: data.menteeId, mentorId: data.mentorId },
  }),
  {
    template: 'mentorship-stalled-task',
    recipient: { kind: 'coordinators' },
    channels: ['inbox'],
    essential: true,
    model: {
      matchId: data.matchId,
      cohortId: data.cohortId,
      menteeId: data.menteeId,
      mentorId: data.mentorId,
      noKickOff: data.reason === 'no-kick-off',
      daysWithoutSession: data.daysWithoutSession,
      lastSessionOn: data.lastSessionOn ?? null,
    },
  },
];

function surveyModel(data: SurveySentData): TemplateModel {
  return { link: data.link, expiresAt: data.expiresAt, kind: data.kind, followUp: data.kind.startsWith('follow-up'), personId: data.personId };
}

export const surveyInvitation: MessageRule<SurveySentData> = (data) => [
  { template: 'survey-invitation', recipient: person(data.personId), channels: BOTH, essential: false, model: surveyModel(data) },
];

export const surveyReminder: MessageRule<SurveyReminderDueData> = (data) => [
  { template: 'survey-reminder', recipient: person(data.personId), channels: BOTH, essential: false, model: surveyModel(data) },
];

export const programmeCompleted: MessageRule<MentorshipCompletedData> = (data) =>
  toThePair(data, {
    template: 'programme-completed',
    channels: BOTH,
    essential: false,
    model: { completedOn: data.completedOn, sessionsHeld: data.sessionsHeld ?? null, menteeId: data.menteeId, mentorId: data.mentorId },
  });

/** Email only: the link signs the person in, so it must not linger in an inbox or a log. */
export const signInLink: MessageRule<SignInLinkRequestedData> = (data) => [
  {
    template: 'sign-in-link',
    recipient: person(data.personId),
    channels: ['email'],
    essential: true,
    secret: true,
    model: { link: data.link, expiresAt: data.expiresAt },
  },
];

/**
 * Email only, and essential: the person did not choose to hear it, but an attempt to sign up
 * with her address is hers to know, and the answer to that attempt told the caller nothing.
 */
export const accountExists: MessageRule<ExistingAccountEnrolmentAttemptedData> = (data) => [
  {
    template: 'account-exists',
    recipient: person(data.personId),
    channels: ['email'],
    essential: true,
    model: { asMentor: data.attemptedAs === 'mentor', attemptedAt: data.attemptedAt },
  },
];
