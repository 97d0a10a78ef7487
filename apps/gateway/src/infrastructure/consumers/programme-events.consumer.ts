import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent, MatchConfirmed, MatchConfirmedData, MatchEnded, MatchEndedData, PersonErased, PersonErasedData } from '@cmp/contracts';
import { Transaction } from '@cmp/kernel';
import { InboxContext, TypeOrmUnitOfWork } from '@cmp/messaging';
import { MentorshipProjector } from '../../application/mentorships/mentorship-projector';

/** Who a change made by another service's event is recorded as. */
const EVENT_ACTOR = 'system:event';

/** Learns from matching who mentors whom, and from enrolment whose account must go. */
@Controller()
export class ProgrammeEventsConsumer {
  constructor(
    private readonly projector: MentorshipProjector,
    private readonly unitOfWork: TypeOrmUnitOfWork,
  ) {}

  @EventPattern(MatchConfirmed.type)
  onMatchConfirmed(@Payload() event: CloudEvent<MatchConfirmedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.matchConfirmed(tx, event.data));
  }

  @EventPattern(MatchEnded.type)
  onMatchEnded(@Payload() event: CloudEvent<MatchEndedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.matchEnded(tx, event.data, new Date(event.time)));
  }

  @EventPattern(PersonErased.type)
  onPersonErased(@Payload() event: CloudEvent<PersonErasedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.projector.personErased(tx, event.data));
  }

  /** The inbox's own transaction, so the projection and the event's "handled" mark commit together. */
  private inInbox<T>(context: InboxContext, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.unitOfWork.join(context.manager, EVENT_ACTOR, work);
  }
}
