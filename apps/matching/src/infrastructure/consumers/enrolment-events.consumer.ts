import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  CohortScheduled,
  CohortScheduledData,
  MenteePlaced,
  MenteePlacedData,
  MenteeWithdrew,
  MenteeWithdrewData,
  MentorPaused,
  MentorPausedData,
  MentorRegistered,
  MentorRegisteredData,
  MentorResumed,
  MentorResumedData,
  MentorshipCompleted,
  MentorshipCompletedData,
  MentorUpdated,
  MentorUpdatedData,
  MentorWithdrew,
  MentorWithdrewData,
  PersonErased,
  PersonErasedData,
} from '@cmp/contracts';
import { InboxContext } from '@cmp/messaging';
import { ReadModelProjector } from '../../application/read-model-projector';

/** Thin: each handler hands the validated event to the projector, in the inbox transaction. */
@Controller()
export class EnrolmentEventsConsumer {
  constructor(private readonly projector: ReadModelProjector) {}

  @EventPattern(CohortScheduled.type)
  cohortScheduled(@Payload() event: CloudEvent<CohortScheduledData>, @Ctx() context: InboxContext) {
    return this.projector.cohortScheduled(context.manager, event.data);
  }

  @EventPattern(MenteePlaced.type)
  menteePlaced(@Payload() event: CloudEvent<MenteePlacedData>, @Ctx() context: InboxContext) {
    return this.projector.menteePlaced(context.manager, event.data);
  }

  @EventPattern(MenteeWithdrew.type)
  menteeWithdrew(@Payload() event: CloudEvent<MenteeWithdrewData>, @Ctx() context: InboxContext) {
    return this.projector.menteeWithdrew(context.manager, event.data.menteeId);
  }

  @EventPattern(MentorRegistered.type)
  mentorRegistered(@Payload() event: CloudEvent<MentorRegisteredData>, @Ctx() context: InboxContext) {
    return this.projector.mentorChanged(context.manager, event.data.mentorId, event.data.profile);
  }

  @EventPattern(MentorUpdated.type)
  mentorUpdated(@Payload() event: CloudEvent<MentorUpdatedData>, @Ctx() context: InboxContext) {
    return this.projector.mentorChanged(context.manager, event.data.mentorId, event.data.profile);
  }

  @EventPattern(MentorPaused.type)
  mentorPaused(@Payload() event: CloudEvent<MentorPausedData>, @Ctx() context: InboxContext) {
    return this.projector.mentorPaused(context.manager, event.data.mentorId);
  }

  @EventPattern(MentorResumed.type)
  mentorResumed(@Payload() event: CloudEvent<MentorResumedData>, @Ctx() context: InboxContext) {
    return this.projector.mentorResumed(context.manager, event.data.mentorId);
  }

  @EventPattern(MentorWithdrew.type)
  mentorWithdrew(@Payload() event: CloudEvent<MentorWithdrewData>, @Ctx() context: InboxContext) {
    return this.projector.mentorWithdrew(context.manager, event.data.mentorId);
  }

  @EventPattern(PersonErased.type)
  personErased(@Payload() event: CloudEvent<PersonErasedData>, @Ctx() context: InboxContext) {
    return this.projector.personErased(context.manager, event.data);
  }

  @EventPattern(MentorshipCompleted.type)
  mentorshipCompleted(@Payload() event: CloudEvent<MentorshipCompletedData>, @Ctx() context: InboxContext) {
    return this.projector.mentorshipCompleted(context.manager, event.data.matchId);
  }
}
