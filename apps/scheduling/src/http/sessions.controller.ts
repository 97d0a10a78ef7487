import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { Actor } from '@cmp/kernel';
import { Access, CurrentActor } from '@cmp/platform';
import { SessionCommands } from '../application/sessions/session-commands';
import { SessionQueries } from '../application/sessions/session-queries';
import { STAFF_OR_PAIR } from './access';
import { CancelSessionRequest, CompleteSessionRequest, ConfirmSessionRequest, NoShowRequest, RescheduleSessionRequest } from './sessions.requests';
import { sessionResponse } from './sessions.responses';

/** The steps of one session; each answers with the session as it now stands. */
/** Staff and the pair; which pair, `partOf` decides from the session's match. */
@Access(STAFF_OR_PAIR)
@Controller('sessions/:id')
export class SessionsController {
  constructor(
    private readonly commands: SessionCommands,
    private readonly queries: SessionQueries,
  ) {}

  @Get()
  async session(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return sessionResponse(await this.queries.session(actor, id));
  }

  @Post('confirm')
  @HttpCode(200)
  async confirm(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ConfirmSessionRequest) {
    await this.commands.confirm(actor, id, new Date(body.startsAt));
    return sessionResponse(await this.queries.session(actor, id));
  }

  @Post('reschedule')
  @HttpCode(200)
  async reschedule(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: RescheduleSessionRequest) {
    await this.commands.reschedule(actor, id, { startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) }, body.onBehalfOf, body.reason);
    return sessionResponse(await this.queries.session(actor, id));
  }

  @Post('cancel')
  @HttpCode(200)
  async cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CancelSessionRequest) {
    await this.commands.cancel(actor, id, body.reason);
    return sessionResponse(await this.queries.session(actor, id));
  }

  @Post('complete')
  @HttpCode(200)
  async complete(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CompleteSessionRequest) {
    await this.commands.complete(actor, id, body);
    return sessionResponse(await this.queries.session(actor, id));
  }

  @Post('no-show')
  @HttpCode(200)
  async noShow(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: NoShowRequest) {
    await this.commands.noShow(actor, id, body.absent);
    return sessionResponse(await this.queries.session(actor, id));
  }
}
