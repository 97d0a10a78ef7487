import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  ExistingAccountEnrolmentAttempted,
  MatchConfirmed,
  MentorshipCompleted,
  MentorshipStalled,
  OutcomeRecorded,
  SessionCancelled,
  SessionConfirmed,
  SessionReminderDue,
  SessionRescheduled,
  SignInLinkRequested,
  SurveyReminderDue,
  SurveySent,
} from '@cmp/contracts';
import { InboxContext } from '@cmp/messaging';
import { EventIntake } from '../../application/event-intake';

/** Thin: events of matching, scheduling, evaluation and the gateway, each handed to the intake. */
@Controller()
export class ProgrammeEventsConsumer {
  constructor(private readonly intake: EventIntake) {}

  @EventPattern(MatchConfirmed.type)
  matchConfirmed(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(SessionConfirmed.type)
  sessionConfirmed(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(SessionRescheduled.type)
  sessionRescheduled(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(SessionCancelled.type)
  sessionCancelled(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(SessionReminderDue.type)
  sessionReminderDue(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(MentorshipStalled.type)
  mentorshipStalled(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(MentorshipCompleted.type)
  mentorshipCompleted(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(SurveySent.type)
  surveySent(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(SurveyReminderDue.type)
  surveyReminderDue(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(OutcomeRecorded.type)
  outcomeRecorded(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(SignInLinkRequested.type)
  signInLinkRequested(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(ExistingAccountEnrolmentAttempted.type)
  existingAccountEnrolmentAttempted(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }
}
