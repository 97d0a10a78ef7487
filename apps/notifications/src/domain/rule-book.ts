import {
  ExistingAccountEnrolmentAttempted,
  MatchConfirmed,
  MenteeAccepted,
  MenteeApplied,
  MenteePlaced,
  MenteeRejected,
  MenteeWaitlisted,
  MenteeWithdrew,
  MentorRegistered,
  MentorshipCompleted,
  MentorshipStalled,
  SessionCancelled,
  SessionConfirmed,
  SessionReminderDue,
  SessionRescheduled,
  SignInLinkRequested,
  SurveyReminderDue,
  SurveySent,
  type EventContract,
} from '@cmp/contracts';
import { MessageIntent } from './message';
import * as rules from './message-rules';
import type { MessageRule } from './message-rules';

/** A rule with the event it answers; pairing them here checks the rule against the event's data type. */
export interface RuleBookEntry {
  readonly event: EventContract;
  readonly rule: MessageRule<never>;
}

const answer = <TData extends object>(event: EventContract<TData>, rule: MessageRule<TData>): RuleBookEntry => ({
  event: event as unknown as EventContract,
  rule: rule as MessageRule<never>,
});

/**
 * Which rule answers which event. The one list of the events that cause messages: the consumer
 * subscribes to exactly these (with the partner updates' events), so a rule added here is consumed.
 */
export const RULE_BOOK_ENTRIES: readonly RuleBookEntry[] = [
  answer(MenteeApplied, rules.applicationReceived),
  answer(MenteeAccepted, rules.applicationAccepted),
  answer(MenteeWaitlisted, rules.applicationWaitlisted),
  answer(MenteeRejected, rules.applicationRejected),
  answer(MenteePlaced, rules.menteePlaced),
  answer(MenteeWithdrew, rules.menteeWithdrew),
  answer(MentorRegistered, rules.mentorWelcome),
  answer(MatchConfirmed, rules.matchIntroduction),
  answer(SessionConfirmed, rules.sessionConfirmed),
  answer(SessionRescheduled, rules.sessionRescheduled),
  answer(SessionCancelled, rules.sessionCancelled),
  answer(SessionReminderDue, rules.sessionReminder),
  answer(MentorshipStalled, rules.mentorshipStalled),
  answer(SurveySent, rules.surveyInvitation),
  answer(SurveyReminderDue, rules.surveyReminder),
  answer(MentorshipCompleted, rules.programmeCompleted),
  answer(SignInLinkRequested, rules.signInLink),
  answer(ExistingAccountEnrolmentAttempted, rules.accountExists),
];

/** An event type missing here sends no message. */
export const RULE_BOOK: Readonly<Record<string, MessageRule<never>>> = Object.fromEntries(RULE_BOOK_ENTRIES.map(({ event, rule }) => [event.type, rule]));

export const RULE_BOOK_EVENTS: readonly EventContract[] = RULE_BOOK_ENTRIES.map(({ event }) => event);

export function messagesFor(eventType: string, data: object): MessageIntent[] {
  const rule = RULE_BOOK[eventType];
  return rule ? rule(data as never) : [];
}
