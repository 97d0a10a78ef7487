import { Injectable } from '@nestjs/common';
import { FindOptionsWhere, IsNull } from 'typeorm';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import {
  DeliveryLogEntry,
  DeliveryLogQuery,
  DueMessage,
  FailedMessageAttempt,
  InboxMessage,
  InboxPageQuery,
  MessageRepository,
  PlannedMessage,
  SentMessage,
} from '../../application/messages/message.repository';
import { MessageEntity } from '../entities/message.entity';
import { entityManagerOf } from '@cmp/messaging';

/** Only delivered inbox messages are anyone's inbox; pending and email rows are the queue. */
const inboxOf = (owner: string): FindOptionsWhere<MessageEntity> => ({ recipientKey: owner, channel: 'inbox', status: 'sent' });

@Injectable()
export class TypeOrmMessageRepository extends MessageRepository {
  async addPlanned(tx: Transaction, message: PlannedMessage): Promise<boolean> {
    const result = await entityManagerOf(tx)
      .createQueryBuilder()
      .insert()
      .into(MessageEntity)
      .values({
        id: message.id,
        eventId: message.eventId,
        eventType: message.eventType,
        template: message.template,
        recipientKey: message.recipientKey,
        personId: message.personId,
        channel: message.channel,
        essential: message.essential,
        secret: message.secret,
        model: message.model,
        peerId: message.peerId,
        calendar: message.calendar,
        mentions: [...message.mentions],
        language: message.language,
        toAddress: message.toAddress,
        status: message.status,
        attempts: 0,
        nextAttemptAt: message.plannedAt,
        createdAt: message.plannedAt,
      })
      // The one unique key besides the random id is messages_once (event, recipient, channel).
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async inboxPage(tx: ReadTransaction, owner: string, { unreadOnly, limit, offset }: InboxPageQuery) {
    const [rows, total] = await entityManagerOf(tx).findAndCount(MessageEntity, {
      where: { ...inboxOf(owner), ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { total, items: rows.map(inboxMessage) };
  }

  countUnread(tx: ReadTransaction, owner: string): Promise<number> {
    return entityManagerOf(tx).count(MessageEntity, { where: { ...inboxOf(owner), readAt: IsNull() } });
  }

  async findInboxMessage(tx: ReadTransaction, owner: string, id: string): Promise<InboxMessage | null> {
    const row = await entityManagerOf(tx).findOne(MessageEntity, { where: { id, ...inboxOf(owner) } });
    return row ? inboxMessage(row) : null;
  }

  async markRead(tx: Transaction, id: string, at: Date): Promise<void> {
    await entityManagerOf(tx).update(MessageEntity, { id }, { readAt: at });
  }

  async markAllRead(tx: Transaction, owner: string, at: Date): Promise<number> {
    const result = await entityManagerOf(tx).update(MessageEntity, { ...inboxOf(owner), readAt: IsNull() }, { readAt: at });
    return result.affected ?? 0;
  }

  async deliveryLog(tx: ReadTransaction, query: DeliveryLogQuery) {
    const where: FindOptionsWhere<MessageEntity> = {
      ...(query.personId ? { personId: query.personId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.channel ? { channel: query.channel } : {}),
      ...(query.template ? { template: query.template } : {}),
    };
    const [rows, total] = await entityManagerOf(tx).findAndCount(MessageEntity, { where, order: { createdAt: 'DESC', id: 'ASC' }, take: query.limit, skip: query.offset });
    return { total, items: rows.map(deliveryLogEntry) };
  }

  async claimDue(tx: Transaction, lease: Date): Promise<DueMessage | null> {
    const manager = entityManagerOf(tx);
    const [due]: DueMessageRow[] = await manager.query(
      `SELECT id, template, person_id, channel, secret, model, peer_id, calendar, language, to_address, attempts, first_attempt_at
       FROM messages WHERE status = 'pending' AND next_attempt_at <= $1
       ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [tx.now],
    );
    if (!due) return null;
    await manager.query(`UPDATE messages SET next_attempt_at = $2 WHERE id = $1`, [due.id, lease]);
    return {
      id: due.id,
      template: due.template,
      personId: due.person_id,
      channel: due.channel,
      secret: due.secret,
      model: due.model,
      peerId: due.peer_id,
      calendar: due.calendar,
      language: due.language,
      toAddress: due.to_address,
      attempts: due.attempts,
      firstAttemptAt: due.first_attempt_at,
    };
  }

  async lockUnderLease(tx: Transaction, id: string, lease: Date): Promise<boolean> {
    const [held]: unknown[] = await entityManagerOf(tx).query(`SELECT 1 FROM messages WHERE id = $1 AND status = 'pending' AND next_attempt_at = $2 FOR UPDATE`, [id, lease]);
    return held !== undefined;
  }

  async recordSent(tx: Transaction, id: string, sent: SentMessage): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE messages SET status = 'sent', sent_at = $2, attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, $2),
         next_attempt_at = NULL, last_error = NULL, language = $3, to_address = $4, subject = $5, text_body = $6, html_body = $7
       WHERE id = $1`,
      [id, sent.at, sent.language, sent.toAddress, sent.subject, sent.text, sent.html],
    );
  }

  async recordFailedAttempt(tx: Transaction, id: string, attempt: FailedMessageAttempt): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE messages SET status = $2, attempts = $3, first_attempt_at = $4, next_attempt_at = $5, last_error = $6 WHERE id = $1`, [
      id,
      attempt.status,
      attempt.attempts,
      attempt.firstAttemptAt,
      attempt.nextAttemptAt,
      attempt.lastError,
    ]);
  }

  async eraseFor(tx: Transaction, personId: string): Promise<void> {
    const manager = entityManagerOf(tx);
    await manager.query(`DELETE FROM messages WHERE person_id = $1`, [personId]);
    await manager.query(
      `UPDATE messages SET subject = NULL, text_body = NULL, html_body = NULL, model = '{}'::jsonb, calendar = NULL, peer_id = NULL,
         mentions = array_remove(mentions, $1::uuid),
         status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END,
         last_error = CASE WHEN status = 'pending' THEN 'a person it mentions was erased' ELSE last_error END
       WHERE $1::uuid = ANY (mentions)`,
      [personId],
    );
  }
}

interface DueMessageRow {
  id: string;
  template: DueMessage['template'];
  person_id: string | null;
  channel: DueMessage['channel'];
  secret: boolean;
  model: DueMessage['model'];
  peer_id: string | null;
  calendar: DueMessage['calendar'];
  language: DueMessage['language'];
  to_address: string | null;
  attempts: number;
  first_attempt_at: Date | null;
}

function inboxMessage(row: MessageEntity): InboxMessage {
  return { id: row.id, template: row.template, subject: row.subject, text: row.textBody, html: row.htmlBody, createdAt: row.createdAt, readAt: row.readAt };
}

function deliveryLogEntry(row: MessageEntity): DeliveryLogEntry {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    template: row.template,
    recipientKey: row.recipientKey,
    channel: row.channel,
    essential: row.essential,
    language: row.language,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}
