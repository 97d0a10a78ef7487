import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { MatchDecisions } from '../application/match-decisions';
import { MatchingQueries } from '../application/matching-queries';
import { MatchingRuns } from '../application/matching-runs';
import { ConfirmRequest, EndMatchRequest, MatchListQuery, RejectRequest, SetPairRequest, StartRunRequest, WeightsRequest } from './matching.requests';
import { Access, CallerName, ownParam, STAFF } from '@cmp/platform';

/** Who may call what mirrors the gateway's route table (apps/gateway/src/routes/matching.routes.ts). */
@Controller()
export class MatchingController {
  constructor(
    private readonly runs: MatchingRuns,
    private readonly decisions: MatchDecisions,
    private readonly queries: MatchingQueries,
  ) {}

  /** 202: the run goes on in the background; poll GET /runs/:id for status, progress and the draft. */
  @Access(STAFF)
  @Post('cohorts/:id/runs')
  @HttpCode(202)
  async startRun(@Param('id', ParseUUIDPipe) cohortId: string, @Body() body: StartRunRequest, @CallerName() actor: string) {
    const run = await this.runs.start(actor, { cohortId, fairness: body.fairness ?? false, weights: body.weights });
    return { runId: run.id, status: run.status };
  }

  @Access(STAFF)
  @Get('runs/:id')
  run(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.run(id);
  }

  @Access(STAFF)
  @Post('runs/:id/confirm')
  @HttpCode(200)
  confirm(@Param('id', ParseUUIDPipe) id: string, @Body() body: ConfirmRequest) {
    return this.decisions.confirm(id, body.matchIds);
  }

  @Access(STAFF)
  @Put('cohorts/:id/weights')
  weights(@Param('id', ParseUUIDPipe) cohortId: string, @Body() body: WeightsRequest) {
    if (Object.values(body).every((weight) => weight === 0)) throw new BadRequestException('at least one weight must be above 0');
    return this.queries.setWeights(cohortId, { ...body });
  }

  @Access(STAFF)
  @Post('cohorts/:id/matches')
  setPair(@Param('id', ParseUUIDPipe) cohortId: string, @Body() body: SetPairRequest) {
    return this.decisions.setPair(cohortId, body.menteeId, body.mentorId);
  }

  @Access(STAFF)
  @Get('cohorts/:id/matches')
  cohortMatches(@Param('id', ParseUUIDPipe) cohortId: string, @Query() query: MatchListQuery) {
    return this.queries.cohortMatches(cohortId, query.status);
  }

  @Access({ ...STAFF, mentee: ownParam('id'), mentor: ownParam('id') })
  @Get('people/:id/matches')
  personMatches(@Param('id', ParseUUIDPipe) personId: string) {
    return this.queries.personMatches(personId);
  }

  @Access(STAFF)
  @Post('matches/:id/confirm')
  @HttpCode(200)
  confirmOne(@Param('id', ParseUUIDPipe) id: string) {
    return this.decisions.confirmOne(id);
  }

  @Access(STAFF)
  @Post('matches/:id/reject')
  @HttpCode(200)
  reject(@Param('id', ParseUUIDPipe) id: string, @Body() body: RejectRequest) {
    return this.decisions.reject(id, body.reason);
  }

  @Access(STAFF)
  @Post('matches/:id/end')
  @HttpCode(200)
  end(@Param('id', ParseUUIDPipe) id: string, @Body() body: EndMatchRequest) {
    return this.decisions.end(id, body.reason);
  }
}
