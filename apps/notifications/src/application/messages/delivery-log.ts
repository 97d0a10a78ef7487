import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, Repository } from 'typeorm';
import { MessageEntity, MessageStatus } from '../../infrastructure/entities/notifications.entities';

export interface DeliveryLogQuery {
  readonly personId?: string;
  readonly status?: MessageStatus;
  readonly channel?: 'email' | 'inbox';
  readonly template?: string;
  readonly limit: number;
  readonly offset: number;
}

/**
 * What was sent to whom, and how it went, for coordinators. Metadata only: bodies can hold a
 * person's secret link or another person's email address, so they are not part of the log.
 */
@Injectable()
export class DeliveryLog {
  constructor(@InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>) {}

  async list(query: DeliveryLogQuery) {
    const where: FindOptionsWhere<MessageEntity> = {
      ...(query.personId ? { personId: query.personId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.channel ? { channel: query.channel } : {}),
      ...(query.template ? { template: query.template } : {}),
    };
    const [rows, total] = await this.messages.findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, take: query.limit, skip: query.offset });
    return {
      total,
      items: rows.map((row) => ({
        id: row.id,
        eventId: row.eventId,
        eventType: row.eventType,
        template: row.template,
        recipient: row.recipientKey,
        channel: row.channel,
        essential: row.essential,
        language: row.language,
        status: row.status,
        attempts: row.attempts,
        nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
        lastError: row.lastError,
        createdAt: row.createdAt.toISOString(),
        sentAt: row.sentAt?.toISOString() ?? null,
      })),
    };
  }
}
