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
} from '@cmp/contracts';
import { MessageIntent } from './message';
import * as rules from './message-rules';

/** Which rule answers which event type; an event type missing here sends no message. */
export const RULE_BOOK: Readonly<Record<string, (data: never) => MessageIntent[]>> = {
  [MenteeApplied.type]: rules.applicationReceived,
  [MenteeAccepted.type]: rules.applicationAccepted,
  [MenteeWaitlisted.type]: rules.applicationWaitlisted,
  [MenteeRejected.type]: rules.applicationRejected,
  [MenteePlaced.type]: rules.menteePlaced,
  [MenteeWithdrew.type]: rules.menteeWithdrew,
  [MentorRegistered.type]: rules.mentorWelcome,
  [MatchConfirmed.type]: rules.matchIntroduction,
  [SessionConfirmed.type]: rules.sessionConfirmed,
  [SessionRescheduled.type]: rules.sessionRescheduled,
  [SessionCancelled.type]: rules.sessionCancelled,
  [SessionReminderDue.type]: rules.sessionReminder,
  [MentorshipStalled.type]: rules.mentorshipStalled,
  [SurveySent.type]: rules.surveyInvitation,
  [SurveyReminderDue.type]: rules.surveyReminder,
  [MentorshipCompleted.type]: rules.programmeCompleted,
  [SignInLinkRequested.type]: rules.signInLink,
  [ExistingAccountEnrolmentAttempted.type]: rules.accountExists,
};

export function messagesFor(eventType: string, data: object): MessageIntent[] {
  const rule = RULE_BOOK[eventType];
  return rule ? rule(data as never) : [];
}
