import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent, MatchConfirmed, MatchConfirmedData, MentorshipCompleted, MentorshipCompletedData } from '@cmp/contracts';
import { InboxContext } from '@cmp/messaging';
import { MentorshipProgressHandler } from '../../application/mentorship-progress/mentorship-progress.handler';

/** Learns from matching and scheduling where each mentee is in the programme. */
@Controller()
export class MentorshipEventsConsumer {
  constructor(private readonly progress: MentorshipProgressHandler) {}

  @EventPattern(MatchConfirmed.type)
  onMatchConfirmed(@Payload() event: CloudEvent<MatchConfirmedData>, @Ctx() context: InboxContext) {
    return this.progress.matchConfirmed(context.manager, event.data.menteeId, new Date(event.time));
  }

  @EventPattern(MentorshipCompleted.type)
  onMentorshipCompleted(@Payload() event: CloudEvent<MentorshipCompletedData>, @Ctx() context: InboxContext) {
    return this.progress.mentorshipCompleted(context.manager, event.data.menteeId, new Date(event.time));
  }
}
