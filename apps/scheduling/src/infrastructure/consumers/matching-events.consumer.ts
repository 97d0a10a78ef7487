import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent, MatchConfirmed, MatchConfirmedData, MatchEnded, MatchEndedData } from '@cmp/contracts';
import { InboxContext } from '@cmp/messaging';
import { MatchingProjector } from '../../application/matching/matching-projector';
import { OpenTransaction } from '../transactions/open-transaction';

/** Thin: each handler hands the validated event to the projector, in the inbox transaction. */
@Controller()
export class MatchingEventsConsumer {
  constructor(
    private readonly projector: MatchingProjector,
    private readonly openTransaction: OpenTransaction,
  ) {}

  @EventPattern(MatchConfirmed.type)
  matchConfirmed(@Payload() event: CloudEvent<MatchConfirmedData>, @Ctx() context: InboxContext) {
    return this.openTransaction.run(context.manager, (tx) => this.projector.matchConfirmed(tx, event.data));
  }

  @EventPattern(MatchEnded.type)
  matchEnded(@Payload() event: CloudEvent<MatchEndedData>, @Ctx() context: InboxContext) {
    return this.openTransaction.run(context.manager, (tx) => this.projector.matchEnded(tx, event.data));
  }
}
