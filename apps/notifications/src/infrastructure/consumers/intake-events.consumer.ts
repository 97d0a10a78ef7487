import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent } from '@cmp/contracts';
import type { Transaction } from '@cmp/kernel';
import { InboxContext, TypeOrmUnitOfWork } from '@cmp/messaging';
import { EventIntake, INTAKE_EVENTS } from '../../application/event-intake';

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
    private readonly unitOfWork: TypeOrmUnitOfWork,
  ) {}

  @EventPattern(INTAKE_EVENTS.map((event) => event.type))
  accept(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.intake.accept(tx, event));
  }

  /** The handler's writes commit with the inbox row that marks the event applied. */
  private inInbox<T>(context: InboxContext, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.unitOfWork.join(context.manager, CONSUMER, work);
  }
}
