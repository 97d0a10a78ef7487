import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Access, CallerName, ownParam, STAFF } from '@cmp/platform';
import { MatchCommands } from '../application/matches/match-commands';
import { MatchQueries } from '../application/matches/match-queries';
import { EndMatchRequest, MatchListQuery, RejectRequest, SetPairRequest } from './matches.requests';
import { MatchResponse, matchResponse } from './matches.responses';

/** Who may call what mirrors the gateway's route table (apps/gateway/src/routes/matching.routes.ts). */
@Controller()
export class MatchesController {
  constructor(
    private readonly matches: MatchCommands,
    private readonly queries: MatchQueries,
  ) {}

  @Access(STAFF)
  @Post('cohorts/:id/matches')
  async setPair(@Param('id', ParseUUIDPipe) cohortId: string, @Body() body: SetPairRequest, @CallerName() actor: string): Promise<MatchResponse> {
    return matchResponse(await this.matches.setPair(actor, cohortId, body.menteeId, body.mentorId));
  }

  @Access(STAFF)
  @Get('cohorts/:id/matches')
  async ofCohort(@Param('id', ParseUUIDPipe) cohortId: string, @Query() query: MatchListQuery): Promise<MatchResponse[]> {
    return (await this.queries.ofCohort(cohortId, query.status)).map(matchResponse);
  }

  @Access({ ...STAFF, mentee: ownParam('id'), mentor: ownParam('id') })
  @Get('people/:id/matches')
  async ofPerson(@Param('id', ParseUUIDPipe) personId: string): Promise<MatchResponse[]> {
    return (await this.queries.ofPerson(personId)).map(matchResponse);
  }

  @Access(STAFF)
  @Post('matches/:id/confirm')
  @HttpCode(200)
  async confirm(@Param('id', ParseUUIDPipe) id: string, @CallerName() actor: string): Promise<MatchResponse> {
    return matchResponse(await this.matches.confirmOne(actor, id));
  }

  @Access(STAFF)
  @Post('matches/:id/reject')
  @HttpCode(200)
  async reject(@Param('id', ParseUUIDPipe) id: string, @Body() body: RejectRequest, @CallerName() actor: string): Promise<MatchResponse> {
    return matchResponse(await this.matches.reject(actor, id, body.reason));
  }

  @Access(STAFF)
  @Post('matches/:id/end')
  @HttpCode(200)
  async end(@Param('id', ParseUUIDPipe) id: string, @Body() body: EndMatchRequest, @CallerName() actor: string): Promise<MatchResponse> {
    return matchResponse(await this.matches.end(actor, id, body.reason));
  }
}
