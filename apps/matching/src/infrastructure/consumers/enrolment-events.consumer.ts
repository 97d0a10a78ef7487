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
import type { Transaction } from '@cmp/kernel';
import { InboxContext, TypeOrmUnitOfWork } from '@cmp/messaging';
import { CandidateProjector } from '../../application/candidates/candidate-projector';

/** What the read model's changes are recorded as done by. */
const EVENT_ACTOR = 'system:event';

/** Thin: each handler hands the validated event to the projector, in the inbox transaction. */
@Controller()
export class EnrolmentEventsConsumer {
  constructor(
    private readonly projector: CandidateProjector,
    private readonly unitOfWork: TypeOrmUnitOfWork,
  ) {}

  /** At-least-once delivery: the inbox row commits with the effects, so a redelivery is skipped. */
  private inInbox(context: InboxContext, work: (tx: Transaction) => Promise<void>): Promise<void> {
    return this.unitOfWork.join(context.manager, EVENT_ACTOR, work);
  }

  @EventPattern(CohortScheduled.type)
  cohortScheduled(@Payload() event: CloudEvent<CohortScheduledData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.cohortScheduled(tx, event.data));
  }

  @EventPattern(MenteePlaced.type)
  menteePlaced(@Payload() event: CloudEvent<MenteePlacedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.menteePlaced(tx, event.data));
  }

  @EventPattern(MenteeWithdrew.type)
  menteeWithdrew(@Payload() event: CloudEvent<MenteeWithdrewData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.menteeWithdrew(tx, event.data.menteeId));
  }

  @EventPattern(MentorRegistered.type)
  mentorRegistered(@Payload() event: CloudEvent<MentorRegisteredData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.mentorChanged(tx, event.data.mentorId, event.data.profile));
  }

  @EventPattern(MentorUpdated.type)
  mentorUpdated(@Payload() event: CloudEvent<MentorUpdatedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.mentorChanged(tx, event.data.mentorId, event.data.profile));
  }

  @EventPattern(MentorPaused.type)
  mentorPaused(@Payload() event: CloudEvent<MentorPausedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.mentorPaused(tx, event.data.mentorId));
  }

  @EventPattern(MentorResumed.type)
  mentorResumed(@Payload() event: CloudEvent<MentorResumedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.mentorResumed(tx, event.data.mentorId));
  }

  @EventPattern(MentorWithdrew.type)
  mentorWithdrew(@Payload() event: CloudEvent<MentorWithdrewData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.mentorWithdrew(tx, event.data.mentorId));
  }

  @EventPattern(PersonErased.type)
  personErased(@Payload() event: CloudEvent<PersonErasedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.personErased(tx, event.data));
  }

  @EventPattern(MentorshipCompleted.type)
  mentorshipCompleted(@Payload() event: CloudEvent<MentorshipCompletedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.mentorshipCompleted(tx, event.data.matchId));
  }
}
