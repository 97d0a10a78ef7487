import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CloudEvent } from '@cmp/contracts';
import { MessagePlanner } from './messages/message-planner';
import { PartnerUpdateRouter } from './webhooks/partner-update-router';

/**
 * The one use case behind every consumed event: plan the messages its rules ask for and queue
 * what the referring partner may hear of it, in the consumer's inbox transaction.
 */
@Injectable()
export class EventIntake {
  constructor(
    private readonly planner: MessagePlanner,
    private readonly partners: PartnerUpdateRouter,
  ) {}

  async accept(manager: EntityManager, event: CloudEvent<object>): Promise<void> {
    await this.partners.route(manager, event);
    await this.planner.planForEvent(manager, event);
  }
}
