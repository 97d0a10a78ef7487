import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent, MatchConfirmed, MatchConfirmedData, MatchEnded, MatchEndedData, PersonErased, PersonErasedData } from '@cmp/contracts';
import { InboxContext } from '@cmp/messaging';
import { MentorshipProjector } from '../../application/mentorships/mentorship-projector';

/** Learns from matching who mentors whom, and from enrolment whose account must go. */
@Controller()
export class ProgrammeEventsConsumer {
  constructor(private readonly projector: MentorshipProjector) {}

  @EventPattern(MatchConfirmed.type)
  onMatchConfirmed(@Payload() event: CloudEvent<MatchConfirmedData>, @Ctx() context: InboxContext) {
    return this.projector.matchConfirmed(context.manager, event.data);
  }

  @EventPattern(MatchEnded.type)
  onMatchEnded(@Payload() event: CloudEvent<MatchEndedData>, @Ctx() context: InboxContext) {
    return this.projector.matchEnded(context.manager, event.data, new Date(event.time));
  }

  @EventPattern(PersonErased.type)
  onPersonErased(@Payload() event: CloudEvent<PersonErasedData>, @Ctx() context: InboxContext) {
    return this.projector.personErased(context.manager, event.data);
  }
}
