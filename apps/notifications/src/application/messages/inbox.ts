import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { NotFoundError } from '../../domain/notifications-error';
import { InboxMessage, InboxPageQuery, MessageRepository } from './message.repository';

export interface InboxPage {
  readonly total: number;
  readonly unread: number;
  readonly items: InboxMessage[];
}

/** The in-app inbox: delivered inbox messages of one owner (a person, a partner, the coordinators). */
@Injectable()
export class Inbox {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly messages: MessageRepository,
  ) {}

  list(owner: string, query: InboxPageQuery): Promise<InboxPage> {
    return this.uow.read(async (tx) => {
      const { total, items } = await this.messages.inboxPage(tx, owner, query);
      return { total, unread: await this.messages.countUnread(tx, owner), items };
    });
  }

  unreadCount(owner: string): Promise<number> {
    return this.uow.read((tx) => this.messages.countUnread(tx, owner));
  }

  /** Idempotent: marking a read message again keeps the first time it was read. */
  markRead(actor: string, owner: string, id: string): Promise<InboxMessage> {
    return this.uow.run(actor, async (tx) => {
      const message = await this.messages.findInboxMessage(tx, owner, id);
      if (!message) throw new NotFoundError('inbox message', id);
      if (message.readAt) return message;
      await this.messages.markRead(tx, id, tx.now);
      return { ...message, readAt: tx.now };
    });
  }

  markAllRead(actor: string, owner: string): Promise<{ marked: number }> {
    return this.uow.run(actor, async (tx) => ({ marked: await this.messages.markAllRead(tx, owner, tx.now) }));
  }
}
