import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Transaction } from '@cmp/kernel';
import { CloudEvent } from '@cmp/contracts';
import { Language, mentionedPeople, MessageIntent, recipientKey } from '../../domain/message';
import { messagesFor } from '../../domain/rule-book';
import { PreferenceRepository } from '../contacts/preference.repository';
import { MessageRepository } from './message.repository';

/**
 * Turns an event into message rows, one per (event, recipient, channel), in the caller's
 * transaction. The rows are the durable queue the dispatcher works through; the unique key makes
 * a replayed event add nothing. Non-essential messages to a person who opted out are recorded as
 * `suppressed`, so the delivery log still says why nothing was sent.
 */
@Injectable()
export class MessagePlanner {
  constructor(
    private readonly messages: MessageRepository,
    private readonly preferences: PreferenceRepository,
  ) {}

  async planForEvent(tx: Transaction, event: CloudEvent<object>): Promise<number> {
    return this.plan(tx, event.id, event.type, messagesFor(event.type, event.data));
  }

  /** `language` fixes the language for recipients outside the contact directory (partners, coordinators). */
  async plan(tx: Transaction, eventId: string, eventType: string, intents: MessageIntent[], language: Language | null = null): Promise<number> {
    let planned = 0;
    for (const intent of intents) {
      const personId = intent.recipient.kind === 'person' ? intent.recipient.personId : null;
      const optedOut = personId !== null && !intent.essential && (await this.preferences.wantsNonEssential(tx, personId)) === false;
      for (const channel of intent.channels) {
        const toAddress = intent.recipient.kind === 'partner' && channel === 'email' ? (intent.recipient.email ?? null) : null;
        if (intent.recipient.kind === 'partner' && channel === 'email' && toAddress === null) continue;
        const added = await this.messages.addPlanned(tx, {
          id: randomUUID(),
          eventId,
          eventType,
          template: intent.template,
          recipientKey: recipientKey(intent.recipient),
          personId,
          channel,
          essential: intent.essential,
          secret: intent.secret ?? false,
          model: intent.model,
          peerId: intent.peerId ?? null,
          calendar: intent.calendar ?? null,
          mentions: mentionedPeople(intent),
          language,
          toAddress,
          status: optedOut ? 'suppressed' : 'pending',
          plannedAt: tx.now,
        });
        if (added) planned += 1;
      }
    }
    return planned;
  }
}
