import { Injectable } from '@nestjs/common';
import type { PendingEvent, Transaction } from '@cmp/kernel';
import { Outbox } from '@cmp/messaging';
import { OutgoingEvents } from '../application/outgoing-events';
import { entityManagerOf } from '@cmp/messaging';

@Injectable()
export class OutboxOutgoingEvents extends OutgoingEvents {
  constructor(private readonly outbox: Outbox) {
    super();
  }

  async add(tx: Transaction, event: PendingEvent): Promise<{ id: string; type: string }> {
    const [written] = await this.outbox.add(entityManagerOf(tx), event);
    return { id: written.id, type: written.type };
  }
}
