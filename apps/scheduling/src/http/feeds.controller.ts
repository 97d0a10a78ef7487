import { Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { Actor } from '@cmp/kernel';
import { Access, CurrentActor, Public } from '@cmp/platform';
import { FeedCommands } from '../application/feeds/feed-commands';
import { FeedQueries } from '../application/feeds/feed-queries';
import { STAFF_OR_SELF } from './access';
import { issuedFeedResponse } from './feeds.responses';

/**
 * Calendar feeds. Issuing and revoking need an actor; the feed itself is reached by its secret
 * URL alone, since calendar apps subscribe without any credentials.
 */
@Controller()
export class FeedsController {
  constructor(
    private readonly commands: FeedCommands,
    private readonly queries: FeedQueries,
  ) {}

  @Access(STAFF_OR_SELF)
  @Post('people/:personId/calendar-feed')
  @HttpCode(201)
  async issue(@CurrentActor() actor: Actor, @Param('personId', ParseUUIDPipe) personId: string) {
    return issuedFeedResponse(await this.commands.issue(actor, personId));
  }

  @Access(STAFF_OR_SELF)
  @Delete('people/:personId/calendar-feed')
  @HttpCode(204)
  revoke(@CurrentActor() actor: Actor, @Param('personId', ParseUUIDPipe) personId: string) {
    return this.commands.revoke(actor, personId);
  }

  /** The feed's token is the credential (calendar apps hold no account). */
  @Public()
  @Get('feeds/:token')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  feed(@Param('token') token: string) {
    return this.queries.render(token.replace(/\.ics$/, ''));
  }
}
