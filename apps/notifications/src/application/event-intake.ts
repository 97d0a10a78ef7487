import { Injectable } from '@nestjs/common';
import type { Transaction } from '@cmp/kernel';
import { CloudEvent, type EventContract } from '@cmp/contracts';
import { PARTNER_UPDATE_EVENTS } from '../domain/partner-updates';
import { RULE_BOOK_EVENTS } from '../domain/rule-book';
import { MessagePlanner } from './messages/message-planner';
import { PartnerUpdateRouter } from './webhooks/partner-update-router';

/**
 * Every event the intake answers, derived from the rule book and the partner updates: the
 * consumer subscribes to exactly this list, so neither can gain an event that is never consumed.
 */
export const INTAKE_EVENTS: readonly EventContract[] = [...new Set([...RULE_BOOK_EVENTS, ...PARTNER_UPDATE_EVENTS])];

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

  async accept(tx: Transaction, event: CloudEvent<object>): Promise<void> {
    await this.partners.route(tx, event);
    await this.planner.planForEvent(tx, event);
  }
}
