import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { DeliveryLogEntry, DeliveryLogQuery, MessageRepository } from './message.repository';

/**
 * What was sent to whom, and how it went, for coordinators. Metadata only: bodies can hold a
 * person's secret link or another person's email address, so they are not part of the log.
 */
@Injectable()
export class DeliveryLog {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly messages: MessageRepository,
  ) {}

  list(query: DeliveryLogQuery): Promise<{ total: number; items: DeliveryLogEntry[] }> {
    return this.uow.read((tx) => this.messages.deliveryLog(tx, query));
  }
}
