import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Access, CallerName, STAFF } from '@cmp/platform';
import { MatchCommands } from '../application/matches/match-commands';
import { RunCommands } from '../application/runs/run-commands';
import { RunQueries } from '../application/runs/run-queries';
import { MatchResponse, matchResponse } from './matches.responses';
import { ConfirmRequest, StartRunRequest } from './runs.requests';
import { RunResponse, runResponse, StartedRunResponse, startedRunResponse } from './runs.responses';

/** Who may call what mirrors the gateway's route table (apps/gateway/src/routes/matching.routes.ts). */
@Controller()
export class RunsController {
  constructor(
    private readonly runs: RunCommands,
    private readonly queries: RunQueries,
    private readonly matches: MatchCommands,
  ) {}

  /** 202: the run goes on in the background; poll GET /runs/:id for status, progress and the draft. */
  @Access(STAFF)
  @Post('cohorts/:id/runs')
  @HttpCode(202)
  async start(@Param('id', ParseUUIDPipe) cohortId: string, @Body() body: StartRunRequest, @CallerName() actor: string): Promise<StartedRunResponse> {
    return startedRunResponse(await this.runs.start(actor, { cohortId, fairness: body.fairness ?? false, weights: body.weights }));
  }

  @Access(STAFF)
  @Get('runs/:id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<RunResponse> {
    return runResponse(await this.queries.run(id));
  }

  @Access(STAFF)
  @Post('runs/:id/confirm')
  @HttpCode(200)
  async confirm(@Param('id', ParseUUIDPipe) id: string, @Body() body: ConfirmRequest, @CallerName() actor: string): Promise<MatchResponse[]> {
    return (await this.matches.confirmRun(actor, id, body.matchIds)).map(matchResponse);
  }
}
