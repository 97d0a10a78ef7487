import { Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CalendarFeeds } from '../application/feeds/calendar-feeds';
import type { Actor } from '@cmp/kernel';
import { Access, CurrentActor, Public } from '@cmp/platform';
import { STAFF_OR_SELF } from './access';

/**
 * Calendar feeds. Issuing and revoking need an actor; the feed itself is reached by its secret
 * URL alone, since calendar apps subscribe without any credentials.
 */
@Controller()
export class FeedsController {
  constructor(private readonly feeds: CalendarFeeds) {}

  @Access(STAFF_OR_SELF)
  @Post('people/:personId/calendar-feed')
  @HttpCode(201)
  issue(@CurrentActor() actor: Actor, @Param('personId', ParseUUIDPipe) personId: string) {
    return this.feeds.issue(actor, personId);
  }

  @Access(STAFF_OR_SELF)
  @Delete('people/:personId/calendar-feed')
  @HttpCode(204)
  revoke(@CurrentActor() actor: Actor, @Param('personId', ParseUUIDPipe) personId: string) {
    return this.feeds.revoke(actor, personId);
  }

  /** The feed's token is the credential (calendar apps hold no account). */
  @Public()
  @Get('feeds/:token')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  feed(@Param('token') token: string) {
    return this.feeds.render(token.replace(/\.ics$/, ''));
  }
}
