import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { type Actor, callerName } from '@cmp/kernel';
import { Access, type AccessRules, CurrentActor } from '@cmp/platform';
import { Inbox } from '../application/messages/inbox';
import { inboxOwnerOf } from '../domain/actor-access';
import { InboxQuery } from './messages.requests';
import { inboxItemResponse, inboxPageResponse } from './messages.responses';

/** Every signed-in caller has an inbox (`inboxOwnerOf` picks it). */
const ANY_INBOX: AccessRules = { admin: 'any', coordinator: 'any', mentor: 'any', mentee: 'any', partner: 'any' };

/** The in-app inbox of whoever asks. */
@Access(ANY_INBOX)
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: Inbox) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: InboxQuery) {
    return inboxPageResponse(await this.inbox.list(inboxOwnerOf(actor), { unreadOnly: query.unreadOnly ?? false, limit: query.limit ?? 50, offset: query.offset ?? 0 }));
  }

  @Get('unread-count')
  async unreadCount(@CurrentActor() actor: Actor) {
    return { unread: await this.inbox.unreadCount(inboxOwnerOf(actor)) };
  }

  @Post('read-all')
  @HttpCode(200)
  markAllRead(@CurrentActor() actor: Actor) {
    return this.inbox.markAllRead(callerName(actor), inboxOwnerOf(actor));
  }

  @Post(':id/read')
  @HttpCode(200)
  async markRead(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return inboxItemResponse(await this.inbox.markRead(callerName(actor), inboxOwnerOf(actor), id));
  }
}
