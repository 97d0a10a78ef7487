import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent, MatchConfirmed, MatchConfirmedData, MatchEnded, MatchEndedData, PersonErased, PersonErasedData } from '@cmp/contracts';
import { Transaction } from '@cmp/kernel';
import { InboxContext } from '@cmp/messaging';
import { CLOCK, Clock } from '@cmp/platform';
import { MentorshipProjector } from '../../application/mentorships/mentorship-projector';
import { InboxTransaction } from '../repositories/transaction-manager';

/** Who a change made by another service's event is recorded as. */
const EVENT_ACTOR = 'system:event';

/** Learns from matching who mentors whom, and from enrolment whose account must go. */
@Controller()
export class ProgrammeEventsConsumer {
  constructor(
    private readonly projector: MentorshipProjector,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @EventPattern(MatchConfirmed.type)
  onMatchConfirmed(@Payload() event: CloudEvent<MatchConfirmedData>, @Ctx() context: InboxContext) {
    return this.projector.matchConfirmed(this.inInbox(context), event.data);
  }

  @EventPattern(MatchEnded.type)
  onMatchEnded(@Payload() event: CloudEvent<MatchEndedData>, @Ctx() context: InboxContext) {
    return this.projector.matchEnded(this.inInbox(context), event.data, new Date(event.time));
  }

  @EventPattern(PersonErased.type)
  onPersonErased(@Payload() event: CloudEvent<PersonErasedData>, @Ctx() context: InboxContext) {
    return this.projector.personErased(this.inInbox(context), event.data);
  }

  /** The inbox's own transaction, so the projection and the event's "handled" mark commit together. */
  private inInbox(context: InboxContext): Transaction {
    return new InboxTransaction(context.manager, EVENT_ACTOR, this.clock());
  }
}
