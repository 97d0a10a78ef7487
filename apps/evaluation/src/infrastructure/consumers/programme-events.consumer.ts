import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  CohortScheduled,
  CohortScheduledData,
  ConsentChanged,
  ConsentChangedData,
  FollowUpDue,
  FollowUpDueData,
  MatchConfirmed,
  MatchConfirmedData,
  MatchEnded,
  MatchEndedData,
  MenteeAccepted,
  MenteeAcceptedData,
  MenteeApplied,
  MenteeAppliedData,
  MenteePlaced,
  MenteePlacedData,
  MenteeWithdrew,
  MenteeWithdrewData,
  MentorRegistered,
  MentorRegisteredData,
  MentorshipCompleted,
  MentorshipCompletedData,
  PersonErased,
  PersonErasedData,
  PlanCreated,
  PlanCreatedData,
  SessionCompleted,
  SessionCompletedData,
} from '@cmp/contracts';
import { Transaction } from '@cmp/kernel';
import { InboxContext, TypeOrmUnitOfWork } from '@cmp/messaging';
import { PeopleCommands } from '../../application/people/people-commands';
import { ProgrammeProjector } from '../../application/programme/programme-projector';

/**
 * Thin: the consumer wrapper has validated each event against its contract; each handler hands
 * it to the projector in the inbox transaction (a redelivered event is skipped there).
 */
@Controller()
export class ProgrammeEventsConsumer {
  constructor(
    private readonly projector: ProgrammeProjector,
    private readonly people: PeopleCommands,
    private readonly unitOfWork: TypeOrmUnitOfWork,
  ) {}

  /** Runs the handler in the inbox's transaction, so its effects and events commit with the inbox row. */
  private inInbox(context: InboxContext, work: (tx: Transaction) => Promise<void>): Promise<void> {
    return this.unitOfWork.join(context.manager, 'system', work);
  }

  @EventPattern(CohortScheduled.type)
  cohortScheduled(@Payload() event: CloudEvent<CohortScheduledData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.cohortScheduled(tx, event.data));
  }

  @EventPattern(MenteeApplied.type)
  menteeApplied(@Payload() event: CloudEvent<MenteeAppliedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.menteeApplied(tx, event.data));
  }

  @EventPattern(MenteeAccepted.type)
  menteeAccepted(@Payload() event: CloudEvent<MenteeAcceptedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.menteeAccepted(tx, event.data));
  }

  @EventPattern(MenteePlaced.type)
  menteePlaced(@Payload() event: CloudEvent<MenteePlacedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.menteePlaced(tx, event.data));
  }

  @EventPattern(MenteeWithdrew.type)
  menteeWithdrew(@Payload() event: CloudEvent<MenteeWithdrewData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.menteeWithdrew(tx, event.data));
  }

  @EventPattern(MentorRegistered.type)
  mentorRegistered(@Payload() event: CloudEvent<MentorRegisteredData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.mentorRegistered(tx, event.data.mentorId));
  }

  @EventPattern(ConsentChanged.type)
  consentChanged(@Payload() event: CloudEvent<ConsentChangedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.consentChanged(tx, event.data));
  }

  @EventPattern(PersonErased.type)
  personErased(@Payload() event: CloudEvent<PersonErasedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.people.erase(tx, event.data));
  }

  @EventPattern(MatchConfirmed.type)
  matchConfirmed(@Payload() event: CloudEvent<MatchConfirmedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.matchConfirmed(tx, event.data));
  }

  @EventPattern(MatchEnded.type)
  matchEnded(@Payload() event: CloudEvent<MatchEndedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.matchEnded(tx, event.data));
  }

  @EventPattern(PlanCreated.type)
  planCreated(@Payload() event: CloudEvent<PlanCreatedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.planCreated(tx, event.data));
  }

  @EventPattern(SessionCompleted.type)
  sessionCompleted(@Payload() event: CloudEvent<SessionCompletedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.sessionCompleted(tx, event.data));
  }

  @EventPattern(MentorshipCompleted.type)
  mentorshipCompleted(@Payload() event: CloudEvent<MentorshipCompletedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.mentorshipCompleted(tx, event.data));
  }

  @EventPattern(FollowUpDue.type)
  followUpDue(@Payload() event: CloudEvent<FollowUpDueData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.followUpDue(tx, event.data));
  }
}
