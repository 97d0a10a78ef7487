import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent } from '@cmp/contracts';
import { InboxContext } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { EventIntake, INTAKE_EVENTS } from '../../application/event-intake';
import { InboxTransaction } from './inbox-transaction';

/** Who the handlers' writes are recorded as. */
const CONSUMER = 'system:notifications-consumer';

/**
 * Every event of the rule book and of the partner updates, from whichever service publishes it.
 * One handler for the whole list: the subscription follows from the rule book, never from a
 * handler someone had to remember to add.
 */
@Controller()
export class IntakeEventsConsumer {
  constructor(
    private readonly intake: EventIntake,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @EventPattern(INTAKE_EVENTS.map((event) => event.type))
  accept(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(this.transaction(context), event);
  }

  private transaction(context: InboxContext): InboxTransaction {
    return new InboxTransaction(context.manager, this.clock(), CONSUMER);
  }
}
