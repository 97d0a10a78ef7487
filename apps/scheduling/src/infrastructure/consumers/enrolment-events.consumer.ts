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
  MentorRegistered,
  MentorRegisteredData,
  MentorUpdated,
  MentorUpdatedData,
  MentorWithdrew,
  MentorWithdrewData,
  PersonErased,
  PersonErasedData,
} from '@cmp/contracts';
import { InboxContext } from '@cmp/messaging';
import { EnrolmentProjector } from '../../application/enrolment/enrolment-projector';
import { OpenTransaction } from '../transactions/open-transaction';

/**
 * Thin: each handler hands the validated event to the projector, in the inbox transaction. A
 * mentee's availability arrives with MenteePlaced, the first event that carries their profile.
 */
@Controller()
export class EnrolmentEventsConsumer {
  constructor(
    private readonly projector: EnrolmentProjector,
    private readonly openTransaction: OpenTransaction,
  ) {}

  @EventPattern(CohortScheduled.type)
  cohortScheduled(@Payload() event: CloudEvent<CohortScheduledData>, @Ctx() context: InboxContext) {
    return this.openTransaction.run(context.manager, (tx) => this.projector.cohortScheduled(tx, event.data));
  }

  @EventPattern(MenteePlaced.type)
  menteePlaced(@Payload() event: CloudEvent<MenteePlacedData>, @Ctx() context: InboxContext) {
    return this.openTransaction.run(context.manager, (tx) => this.projector.availabilityChanged(tx, event.data.menteeId, 'mentee', event.data.profile.availability));
  }

  @EventPattern(MentorRegistered.type)
  mentorRegistered(@Payload() event: CloudEvent<MentorRegisteredData>, @Ctx() context: InboxContext) {
    return this.openTransaction.run(context.manager, (tx) => this.projector.availabilityChanged(tx, event.data.mentorId, 'mentor', event.data.profile.availability));
  }

  @EventPattern(MentorUpdated.type)
  mentorUpdated(@Payload() event: CloudEvent<MentorUpdatedData>, @Ctx() context: InboxContext) {
    return this.openTransaction.run(context.manager, (tx) => this.projector.availabilityChanged(tx, event.data.mentorId, 'mentor', event.data.profile.availability));
  }

  @EventPattern(MenteeWithdrew.type)
  menteeWithdrew(@Payload() event: CloudEvent<MenteeWithdrewData>, @Ctx() context: InboxContext) {
    return this.openTransaction.run(context.manager, (tx) => this.projector.withdrew(tx, event.data.menteeId, 'mentee'));
  }

  @EventPattern(MentorWithdrew.type)
  mentorWithdrew(@Payload() event: CloudEvent<MentorWithdrewData>, @Ctx() context: InboxContext) {
    return this.openTransaction.run(context.manager, (tx) => this.projector.withdrew(tx, event.data.mentorId, 'mentor'));
  }

  @EventPattern(PersonErased.type)
  personErased(@Payload() event: CloudEvent<PersonErasedData>, @Ctx() context: InboxContext) {
    return this.openTransaction.run(context.manager, (tx) => this.projector.personErased(tx, event.data));
  }
}
