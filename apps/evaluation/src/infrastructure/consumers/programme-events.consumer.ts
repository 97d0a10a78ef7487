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
import { InboxContext } from '@cmp/messaging';
import { PersonErasure } from '../../application/participants/person-erasure';
import { ProgrammeProjector } from '../../application/participants/programme-projector';

/**
 * Thin: the consumer wrapper has validated each event against its contract; each handler hands
 * it to the projector in the inbox transaction (a redelivered event is skipped there).
 */
@Controller()
export class ProgrammeEventsConsumer {
  constructor(
    private readonly projector: ProgrammeProjector,
    private readonly erasure: PersonErasure,
  ) {}

  @EventPattern(CohortScheduled.type)
  cohortScheduled(@Payload() event: CloudEvent<CohortScheduledData>, @Ctx() context: InboxContext) {
    return this.projector.cohortScheduled(context.manager, event.data);
  }

  @EventPattern(MenteeApplied.type)
  menteeApplied(@Payload() event: CloudEvent<MenteeAppliedData>, @Ctx() context: InboxContext) {
    return this.projector.menteeApplied(context.manager, event.data);
  }

  @EventPattern(MenteeAccepted.type)
  menteeAccepted(@Payload() event: CloudEvent<MenteeAcceptedData>, @Ctx() context: InboxContext) {
    return this.projector.menteeAccepted(context.manager, event.data);
  }

  @EventPattern(MenteePlaced.type)
  menteePlaced(@Payload() event: CloudEvent<MenteePlacedData>, @Ctx() context: InboxContext) {
    return this.projector.menteePlaced(context.manager, event.data);
  }

  @EventPattern(MenteeWithdrew.type)
  menteeWithdrew(@Payload() event: CloudEvent<MenteeWithdrewData>, @Ctx() context: InboxContext) {
    return this.projector.menteeWithdrew(context.manager, event.data);
  }

  @EventPattern(MentorRegistered.type)
  mentorRegistered(@Payload() event: CloudEvent<MentorRegisteredData>, @Ctx() context: InboxContext) {
    return this.projector.mentorRegistered(context.manager, event.data.mentorId);
  }

  @EventPattern(ConsentChanged.type)
  consentChanged(@Payload() event: CloudEvent<ConsentChangedData>, @Ctx() context: InboxContext) {
    return this.projector.consentChanged(context.manager, event.data);
  }

  @EventPattern(PersonErased.type)
  personErased(@Payload() event: CloudEvent<PersonErasedData>, @Ctx() context: InboxContext) {
    return this.erasure.erase(context.manager, event.data);
  }

  @EventPattern(MatchConfirmed.type)
  matchConfirmed(@Payload() event: CloudEvent<MatchConfirmedData>, @Ctx() context: InboxContext) {
    return this.projector.matchConfirmed(context.manager, event.data);
  }

  @EventPattern(MatchEnded.type)
  matchEnded(@Payload() event: CloudEvent<MatchEndedData>, @Ctx() context: InboxContext) {
    return this.projector.matchEnded(context.manager, event.data);
  }

  @EventPattern(PlanCreated.type)
  planCreated(@Payload() event: CloudEvent<PlanCreatedData>, @Ctx() context: InboxContext) {
    return this.projector.planCreated(context.manager, event.data);
  }

  @EventPattern(SessionCompleted.type)
  sessionCompleted(@Payload() event: CloudEvent<SessionCompletedData>, @Ctx() context: InboxContext) {
    return this.projector.sessionCompleted(context.manager, event.data);
  }

  @EventPattern(MentorshipCompleted.type)
  mentorshipCompleted(@Payload() event: CloudEvent<MentorshipCompletedData>, @Ctx() context: InboxContext) {
    return this.projector.mentorshipCompleted(context.manager, event.data);
  }

  @EventPattern(FollowUpDue.type)
  followUpDue(@Payload() event: CloudEvent<FollowUpDueData>, @Ctx() context: InboxContext) {
    return this.projector.followUpDue(context.manager, event.data);
  }
}
