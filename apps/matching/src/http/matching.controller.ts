import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { Access, CallerName, ownParam, STAFF } from '@cmp/platform';
import { CohortCommands } from '../application/cohorts/cohort-commands';
import { MatchCommands } from '../application/matches/match-commands';
import { MatchQueries } from '../application/matches/match-queries';
import { RunCommands } from '../application/runs/run-commands';
import { RunQueries } from '../application/runs/run-queries';
import { ConfirmRequest, EndMatchRequest, MatchListQuery, RejectRequest, SetPairRequest, StartRunRequest, WeightsRequest } from './matching.requests';
import {
  CohortResponse,
  cohortResponse,
  MatchResponse,
  matchResponse,
  RunResponse,
  runResponse,
  StartedRunResponse,
  startedRunResponse,
} from './matching.responses';

/** Who may call what mirrors the gateway's route table (apps/gateway/src/routes/matching.routes.ts). */
@Controller()
export class MatchingController {
  constructor(
    private readonly runs: RunCommands,
    private readonly runQueries: RunQueries,
    private readonly matches: MatchCommands,
    private readonly matchQueries: MatchQueries,
    private readonly cohorts: CohortCommands,
  ) {}

  /** 202: the run goes on in the background; poll GET /runs/:id for status, progress and the draft. */
  @Access(STAFF)
  @Post('cohorts/:id/runs')
  @HttpCode(202)
  async startRun(@Param('id', ParseUUIDPipe) cohortId: string, @Body() body: StartRunRequest, @CallerName() actor: string): Promise<StartedRunResponse> {
    return startedRunResponse(await this.runs.start(actor, { cohortId, fairness: body.fairness ?? false, weights: body.weights }));
  }

  @Access(STAFF)
  @Get('runs/:id')
  async run(@Param('id', ParseUUIDPipe) id: string): Promise<RunResponse> {
    return runResponse(await this.runQueries.run(id));
  }

  @Access(STAFF)
  @Post('runs/:id/confirm')
  @HttpCode(200)
  async confirm(@Param('id', ParseUUIDPipe) id: string, @Body() body: ConfirmRequest, @CallerName() actor: string): Promise<MatchResponse[]> {
    return (await this.matches.confirmRun(actor, id, body.matchIds)).map(matchResponse);
  }

  @Access(STAFF)
  @Put('cohorts/:id/weights')
  async weights(@Param('id', ParseUUIDPipe) cohortId: string, @Body() body: WeightsRequest, @CallerName() actor: string): Promise<CohortResponse> {
    if (Object.values(body).every((weight) => weight === 0)) throw new BadRequestException('at least one weight must be above 0');
    return cohortResponse(await this.cohorts.setWeights(actor, cohortId, { ...body }));
  }

  @Access(STAFF)
  @Post('cohorts/:id/matches')
  async setPair(@Param('id', ParseUUIDPipe) cohortId: string, @Body() body: SetPairRequest, @CallerName() actor: string): Promise<MatchResponse> {
    return matchResponse(await this.matches.setPair(actor, cohortId, body.menteeId, body.mentorId));
  }

  @Access(STAFF)
  @Get('cohorts/:id/matches')
  async cohortMatches(@Param('id', ParseUUIDPipe) cohortId: string, @Query() query: MatchListQuery): Promise<MatchResponse[]> {
    return (await this.matchQueries.ofCohort(cohortId, query.status)).map(matchResponse);
  }

  @Access({ ...STAFF, mentee: ownParam('id'), mentor: ownParam('id') })
  @Get('people/:id/matches')
  async personMatches(@Param('id', ParseUUIDPipe) personId: string): Promise<MatchResponse[]> {
    return (await this.matchQueries.ofPerson(personId)).map(matchResponse);
  }

  @Access(STAFF)
  @Post('matches/:id/confirm')
  @HttpCode(200)
  async confirmOne(@Param('id', ParseUUIDPipe) id: string, @CallerName() actor: string): Promise<MatchResponse> {
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
