import { BaseRpcContext } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { CloudEvent } from '@cmp/contracts';

type InboxContextArgs = [EntityManager, CloudEvent, string, number, string];

/**
 * What an `@EventPattern` handler receives with `@Ctx()`: the transaction its effects must be
 * written in (the inbox row that marks the event as applied commits with them), and where the
 * message came from.
 */
export class InboxContext extends BaseRpcContext<InboxContextArgs> {
  constructor(manager: EntityManager, event: CloudEvent, topic: string, partition: number, offset: string) {
    super([manager, event, topic, partition, offset]);
  }

  /** The handler's transaction. Write effects, and outbox rows, through this manager only. */
  get manager(): EntityManager {
    return this.args[0];
  }

  get event(): CloudEvent {
    return this.args[1];
  }

  get topic(): string {
    return this.args[2];
  }

  get partition(): number {
    return this.args[3];
  }

  get offset(): string {
    return this.args[4];
  }
}
