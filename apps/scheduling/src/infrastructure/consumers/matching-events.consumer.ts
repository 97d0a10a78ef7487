import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent, MatchConfirmed, MatchConfirmedData, MatchEnded, MatchEndedData } from '@cmp/contracts';
import { InboxContext } from '@cmp/messaging';
import { MatchingProjector } from '../../application/read-models/matching-projector';

/** Thin: each handler hands the validated event to the projector, in the inbox transaction. */
@Controller()
export class MatchingEventsConsumer {
  constructor(private readonly projector: MatchingProjector) {}

  @EventPattern(MatchConfirmed.type)
  matchConfirmed(@Payload() event: CloudEvent<MatchConfirmedData>, @Ctx() context: InboxContext) {
    return this.projector.matchConfirmed(context.manager, event.data);
  }

  @EventPattern(MatchEnded.type)
  matchEnded(@Payload() event: CloudEvent<MatchEndedData>, @Ctx() context: InboxContext) {
    return this.projector.matchEnded(context.manager, event.data);
  }
}
