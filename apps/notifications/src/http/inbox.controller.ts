import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { Preferences } from '../application/contacts/preferences';
import { Inbox } from '../application/messages/inbox';
import type { Actor } from '@cmp/kernel';
import { Access, type AccessRules, CurrentActor, ownParam } from '@cmp/platform';
import { inboxOwnerOf, requirePerson } from './actor';
import { InboxQuery, PreferencesRequest } from './notifications.requests';

/** The in-app inbox of whoever asks (`x-actor`), and a person's own message preferences. */
/** Every signed-in caller has an inbox (`inboxOwnerOf` picks it); preferences are the person's own. */
const ANY_INBOX: AccessRules = { admin: 'any', coordinator: 'any', mentor: 'any', mentee: 'any', partner: 'any' };
const PERSON_ONLY: AccessRules = { mentee: ownParam('personId'), mentor: ownParam('personId') };

@Controller()
export class InboxController {
  constructor(
    private readonly inbox: Inbox,
    private readonly preferences: Preferences,
  ) {}

  @Access(ANY_INBOX)
  @Get('inbox')
  list(@CurrentActor() actor: Actor, @Query() query: InboxQuery) {
    return this.inbox.list(inboxOwnerOf(actor), { unreadOnly: query.unreadOnly ?? false, limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }

  @Access(ANY_INBOX)
  @Get('inbox/unread-count')
  async unreadCount(@CurrentActor() actor: Actor) {
    return { unread: await this.inbox.unreadCount(inboxOwnerOf(actor)) };
  }

  @Access(ANY_INBOX)
  @Post('inbox/read-all')
  @HttpCode(200)
  markAllRead(@CurrentActor() actor: Actor) {
    return this.inbox.markAllRead(inboxOwnerOf(actor));
  }

  @Access(ANY_INBOX)
  @Post('inbox/:id/read')
  @HttpCode(200)
  markRead(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.inbox.markRead(inboxOwnerOf(actor), id);
  }

  @Access(PERSON_ONLY)
  @Get('people/:personId/preferences')
  getPreferences(@CurrentActor() actor: Actor, @Param('personId', ParseUUIDPipe) personId: string) {
    requirePerson(actor, personId);
    return this.preferences.get(personId);
  }

  @Access(PERSON_ONLY)
  @Put('people/:personId/preferences')
  setPreferences(@CurrentActor() actor: Actor, @Param('personId', ParseUUIDPipe) personId: string, @Body() body: PreferencesRequest) {
    requirePerson(actor, personId);
    return this.preferences.set(personId, body.nonEssential);
  }
}
