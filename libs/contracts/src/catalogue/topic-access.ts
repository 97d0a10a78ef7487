import { deadLetterTopic } from '../envelope/event-type';
import { EventContract } from '../envelope/event-contract';
import {
  CohortScheduled,
  ConsentChanged,
  ContactPublished,
  MenteeAccepted,
  MenteeApplied,
  MenteePlaced,
  MenteeRejected,
  MenteeWaitlisted,
  MenteeWithdrew,
  MentorPaused,
  MentorRegistered,
  MentorResumed,
  MentorUpdated,
  MentorWithdrew,
  OrganisationRegistered,
  PersonErased,
} from '../enrolment';
import { OutcomeRecorded, SurveyReminderDue, SurveySent } from '../evaluation';
import { ExistingAccountEnrolmentAttempted, SignInLinkRequested } from '../gateway';
import { MatchConfirmed, MatchEnded } from '../matching';
import {
  FollowUpDue,
  MentorshipCompleted,
  MentorshipStalled,
  PlanCreated,
  SessionCancelled,
  SessionCompleted,
  SessionConfirmed,
  SessionReminderDue,
  SessionRescheduled,
} from '../scheduling';

/**
 * What each service consumes, as its `@EventPattern` handlers do. The broker's ACLs are made
 * from this: a service reads only the topics these contracts travel on, writes only its own
 * topics (`cmp.<service>.*`) and its dead-letter topic, and joins only its own consumer group.
 */
export const CONSUMED_EVENTS: Readonly<Record<string, readonly EventContract[]>> = {
  enrolment: [MatchConfirmed, MentorshipCompleted],
  matching: [
    CohortScheduled,
    MenteePlaced,
    MenteeWithdrew,
    MentorPaused,
    MentorRegistered,
    MentorResumed,
    MentorUpdated,
    MentorWithdrew,
    MentorshipCompleted,
    PersonErased,
  ],
  scheduling: [CohortScheduled, MatchConfirmed, MatchEnded, MenteePlaced, MenteeWithdrew, MentorRegistered, MentorUpdated, MentorWithdrew, PersonErased],
  notifications: [
    ConsentChanged,
    ContactPublished,
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
    OrganisationRegistered,
    OutcomeRecorded,
    PersonErased,
    SessionCancelled,
    SessionConfirmed,
    SessionReminderDue,
    SessionRescheduled,
    ExistingAccountEnrolmentAttempted,
    SignInLinkRequested,
    SurveyReminderDue,
    SurveySent,
  ],
  evaluation: [
    CohortScheduled,
    ConsentChanged,
    FollowUpDue,
    MatchConfirmed,
    MatchEnded,
    MenteeAccepted,
    MenteeApplied,
    MenteePlaced,
    MenteeWithdrew,
    MentorRegistered,
    MentorshipCompleted,
    PersonErased,
    PlanCreated,
    SessionCompleted,
  ],
  gateway: [MatchConfirmed, MatchEnded, PersonErased],
};

/** One service's access to the broker, as the ACLs grant it. */
export interface ServiceTopicAccess {
  readonly service: string;
  /** Topics it may create, describe and write: `cmp.<service>.` is a prefix. */
  readonly ownTopicPrefix: string;
  readonly deadLetterTopic: string;
  /** Topics it may describe and read. */
  readonly consumedTopics: readonly string[];
  /** Its consumer group (the service name, as `connectEventConsumer` uses). */
  readonly consumerGroup: string;
}

export function serviceTopicAccess(service: string): ServiceTopicAccess {
  const consumed = CONSUMED_EVENTS[service];
  if (!consumed) throw new Error(`no topic access is declared for service ${service}`);
  return {
    service,
    ownTopicPrefix: `cmp.${service}.`,
    deadLetterTopic: deadLetterTopic(service),
    consumedTopics: [...new Set(consumed.map((contract) => contract.topic))].sort(),
    consumerGroup: service,
  };
}

export const SERVICES_WITH_TOPIC_ACCESS: readonly string[] = Object.keys(CONSUMED_EVENTS);

/**
 * Every topic the system uses, so that the admin can create them all before any service starts:
 * a service may create only its own topics, and one that starts before the producer of what it
 * consumes would otherwise find nothing to subscribe to.
 */
export function systemTopics(contracts: readonly EventContract[]): string[] {
  const topics = new Set<string>();
  for (const contract of contracts) topics.add(contract.topic);
  for (const service of SERVICES_WITH_TOPIC_ACCESS) {
    topics.add(`cmp.${service}.events`);
    topics.add(deadLetterTopic(service));
  }
  return [...topics].sort();
}
