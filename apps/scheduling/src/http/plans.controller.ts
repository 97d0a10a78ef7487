import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { SessionCommands } from '../application/sessions/session-commands';
import { SchedulingQueries } from '../application/queries/scheduling-queries';
import type { Actor } from '@cmp/kernel';
import { Access, CurrentActor } from '@cmp/platform';
import { ProposeSessionRequest } from './dto/session.request.dto';
import { STAFF_OR_PAIR } from './access';

const slotOf = (slot: { startsAt: string; endsAt: string }) => ({ startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt) });

/** A match's plan and its sessions, for the pair and coordinators. */
/** Staff and the pair; which pair, `partOf` decides from the match (the gateway's own-match rule). */
@Access(STAFF_OR_PAIR)
@Controller('matches/:matchId')
export class PlansController {
  constructor(
    private readonly queries: SchedulingQueries,
    private readonly sessions: SessionCommands,
  ) {}

  @Get('plan')
  plan(@CurrentActor() actor: Actor, @Param('matchId', ParseUUIDPipe) matchId: string) {
    return this.queries.planOf(actor, matchId);
  }

  @Get('sessions')
  async sessionsOf(@CurrentActor() actor: Actor, @Param('matchId', ParseUUIDPipe) matchId: string) {
    return (await this.queries.planOf(actor, matchId)).sessions;
  }

  @Post('sessions')
  @HttpCode(201)
  async propose(@CurrentActor() actor: Actor, @Param('matchId', ParseUUIDPipe) matchId: string, @Body() body: ProposeSessionRequest) {
    const session = await this.sessions.propose(actor, matchId, { ...body, slots: body.slots.map(slotOf) });
    return this.queries.session(actor, session.id);
  }
}
