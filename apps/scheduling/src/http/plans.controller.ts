import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { Actor } from '@cmp/kernel';
import { Access, CurrentActor } from '@cmp/platform';
import { PlanQueries } from '../application/plans/plan-queries';
import { SessionCommands } from '../application/sessions/session-commands';
import { SessionQueries } from '../application/sessions/session-queries';
import { STAFF_OR_PAIR } from './access';
import { planResponse } from './plans.responses';
import { ProposeSessionRequest } from './sessions.requests';
import { sessionResponse } from './sessions.responses';

const slotOf = (slot: { startsAt: string; endsAt: string }) => ({ startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt) });

/** A match's plan and its sessions, for the pair and coordinators. */
/** Staff and the pair; which pair, `partOf` decides from the match (the gateway's own-match rule). */
@Access(STAFF_OR_PAIR)
@Controller('matches/:matchId')
export class PlansController {
  constructor(
    private readonly plans: PlanQueries,
    private readonly sessions: SessionCommands,
    private readonly sessionQueries: SessionQueries,
  ) {}

  @Get('plan')
  async plan(@CurrentActor() actor: Actor, @Param('matchId', ParseUUIDPipe) matchId: string) {
    return planResponse(await this.plans.planOf(actor, matchId));
  }

  @Get('sessions')
  async sessionsOf(@CurrentActor() actor: Actor, @Param('matchId', ParseUUIDPipe) matchId: string) {
    return planResponse(await this.plans.planOf(actor, matchId)).sessions;
  }

  @Post('sessions')
  @HttpCode(201)
  async propose(@CurrentActor() actor: Actor, @Param('matchId', ParseUUIDPipe) matchId: string, @Body() body: ProposeSessionRequest) {
    const session = await this.sessions.propose(actor, matchId, { ...body, slots: body.slots.map(slotOf) });
    return sessionResponse(await this.sessionQueries.session(actor, session.id));
  }
}
