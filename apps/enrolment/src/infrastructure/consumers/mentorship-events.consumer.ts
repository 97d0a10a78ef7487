import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent, MatchConfirmed, MatchConfirmedData, MentorshipCompleted, MentorshipCompletedData } from '@cmp/contracts';
import { InboxContext, TypeOrmUnitOfWork } from '@cmp/messaging';
import { MenteeProjector } from '../../application/mentees/mentee-projector';

/** Who the audit trail names for a change another service's event made. */
const EVENT_ACTOR = 'system:event';

/**
 * Learns from matching and scheduling where each mentee is in the programme. Each change joins
 * the inbox transaction (exactly-once effects) and is audited at the time the event happened.
 */
@Controller()
export class MentorshipEventsConsumer {
  constructor(
    private readonly projector: MenteeProjector,
    private readonly unitOfWork: TypeOrmUnitOfWork,
  ) {}

  @EventPattern(MatchConfirmed.type)
  onMatchConfirmed(@Payload() event: CloudEvent<MatchConfirmedData>, @Ctx() context: InboxContext) {
    return this.unitOfWork.join(context.manager, EVENT_ACTOR, (tx) => this.projector.matchConfirmed(tx, event.data.menteeId), new Date(event.time));
  }

  @EventPattern(MentorshipCompleted.type)
  onMentorshipCompleted(@Payload() event: CloudEvent<MentorshipCompletedData>, @Ctx() context: InboxContext) {
    return this.unitOfWork.join(context.manager, EVENT_ACTOR, (tx) => this.projector.mentorshipCompleted(tx, event.data.menteeId), new Date(event.time));
  }
}
