import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CloudEvent } from '@cmp/contracts';
import { Clock, CLOCK } from '@cmp/platform';
import { Language, mentionedPeople, MessageIntent, recipientKey } from '../../domain/message';
import { messagesFor } from '../../domain/rule-book';

/**
 * Turns an event into message rows, one per (event, recipient, channel), in the consumer's
 * transaction. The rows are the durable queue the dispatcher works through; the unique key makes
 * a replayed event add nothing. Non-essential messages to a person who opted out are recorded as
 * `suppressed`, so the delivery log still says why nothing was sent.
 */
@Injectable()
export class MessagePlanner {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async planForEvent(manager: EntityManager, event: CloudEvent<object>): Promise<number> {
    return this.plan(manager, event.id, event.type, messagesFor(event.type, event.data));
  }

  /** `language` fixes the language for recipients outside the contact directory (partners, coordinators). */
  async plan(manager: EntityManager, eventId: string, eventType: string, intents: MessageIntent[], language: Language | null = null): Promise<number> {
    const now = this.clock();
    let planned = 0;
    for (const intent of intents) {
      const personId = intent.recipient.kind === 'person' ? intent.recipient.personId : null;
      const optedOut = personId !== null && !intent.essential && (await this.optedOut(manager, personId));
      for (const channel of intent.channels) {
        const toAddress = intent.recipient.kind === 'partner' && channel === 'email' ? (intent.recipient.email ?? null) : null;
        if (intent.recipient.kind === 'partner' && channel === 'email' && toAddress === null) continue;
        const inserted: unknown[] = await manager.query(
          `INSERT INTO messages (id, event_id, event_type, template, recipient_key, person_id, channel, essential, secret, model, peer_id,
             calendar, mentions, language, to_address, status, attempts, next_attempt_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 0, $17, $17)
           ON CONFLICT ON CONSTRAINT messages_once DO NOTHING RETURNING id`,
          [
            randomUUID(),
            eventId,
            eventType,
            intent.template,
            recipientKey(intent.recipient),
            personId,
            channel,
            intent.essential,
            intent.secret ?? false,
            JSON.stringify(intent.model),
            intent.peerId ?? null,
            intent.calendar ? JSON.stringify(intent.calendar) : null,
            mentionedPeople(intent),
            language,
            toAddress,
            optedOut ? 'suppressed' : 'pending',
            now,
          ],
        );
        planned += inserted.length;
      }
    }
    return planned;
  }

  private async optedOut(manager: EntityManager, personId: string): Promise<boolean> {
    const rows: { non_essential: boolean }[] = await manager.query(`SELECT non_essential FROM preferences WHERE person_id = $1`, [personId]);
    return rows.length > 0 && !rows[0].non_essential;
  }
}
