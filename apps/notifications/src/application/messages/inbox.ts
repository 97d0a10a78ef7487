import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Clock, CLOCK } from '@cmp/platform';
import { MessageEntity } from '../../infrastructure/entities/notifications.entities';
import { notFound } from '../notifications-errors';

export interface InboxItem {
  id: string;
  template: string;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
  readAt: string | null;
}

/** The in-app inbox: delivered inbox messages of one owner (a person, a partner, the coordinators). */
@Injectable()
export class Inbox {
  constructor(
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(owner: string, { unreadOnly, limit, offset }: { unreadOnly: boolean; limit: number; offset: number }) {
    const [rows, total] = await this.messages.findAndCount({
      where: { recipientKey: owner, channel: 'inbox', status: 'sent', ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { total, unread: await this.unreadCount(owner), items: rows.map(item) };
  }

  unreadCount(owner: string): Promise<number> {
    return this.messages.count({ where: { recipientKey: owner, channel: 'inbox', status: 'sent', readAt: IsNull() } });
  }

  /** Idempotent: marking a read message again keeps the first time it was read. */
  async markRead(owner: string, id: string): Promise<InboxItem> {
    const message = await this.messages.findOne({ where: { id, recipientKey: owner, channel: 'inbox', status: 'sent' } });
    if (!message) throw notFound('inbox message', id);
    if (!message.readAt) {
      message.readAt = this.clock();
      await this.messages.update({ id }, { readAt: message.readAt });
    }
    return item(message);
  }

  async markAllRead(owner: string): Promise<{ marked: number }> {
    const result = await this.messages.update({ recipientKey: owner, channel: 'inbox', status: 'sent', readAt: IsNull() }, { readAt: this.clock() });
    return { marked: result.affected ?? 0 };
  }
}

function item(message: MessageEntity): InboxItem {
  return {
    id: message.id,
    template: message.template,
    subject: message.subject ?? '',
    text: message.textBody ?? '',
    html: message.htmlBody ?? '',
    createdAt: message.createdAt.toISOString(),
    readAt: message.readAt ? message.readAt.toISOString() : null,
  };
}
