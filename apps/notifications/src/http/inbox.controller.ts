import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { Preferences } from '../application/contacts/preferences';
import { Inbox } from '../application/messages/inbox';
import type { Actor } from '@cmp/kernel';
import { CurrentActor } from '@cmp/platform';
import { inboxOwnerOf, requirePerson } from './actor';
import { InboxQuery, PreferencesRequest } from './notifications.requests';

/** The in-app inbox of whoever asks (`x-actor`), and a person's own message preferences. */
@Controller()
export class InboxController {
  constructor(
    private readonly inbox: Inbox,
    private readonly preferences: Preferences,
  ) {}

  @Get('inbox')
  list(@CurrentActor() actor: Actor, @Query() query: InboxQuery) {
    return this.inbox.list(inboxOwnerOf(actor), { unreadOnly: query.unreadOnly ?? false, limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }

  @Get('inbox/unread-count')
  async unreadCount(@CurrentActor() actor: Actor) {
    return { unread: await this.inbox.unreadCount(inboxOwnerOf(actor)) };
  }

  @Post('inbox/read-all')
  @HttpCode(200)
  markAllRead(@CurrentActor() actor: Actor) {
    return this.inbox.markAllRead(inboxOwnerOf(actor));
  }

  @Post('inbox/:id/read')
  @HttpCode(200)
  markRead(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.inbox.markRead(inboxOwnerOf(actor), id);
  }

  @Get('people/:personId/preferences')
  getPreferences(@CurrentActor() actor: Actor, @Param('personId', ParseUUIDPipe) personId: string) {
    requirePerson(actor, personId);
    return this.preferences.get(personId);
  }

  @Put('people/:personId/preferences')
  setPreferences(@CurrentActor() actor: Actor, @Param('personId', ParseUUIDPipe) personId: string, @Body() body: PreferencesRequest) {
    requirePerson(actor, personId);
    return this.preferences.set(personId, body.nonEssential);
  }
}
