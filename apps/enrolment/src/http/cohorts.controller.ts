import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { Access, CallerName } from '@cmp/platform';
import { CohortCommands } from '../application/cohorts/cohort-commands';
import { CohortQueries } from '../application/cohorts/cohort-queries';
import { OPERATORS, SIGNED_IN } from './access';
import { ChangeCohortRequest, ScheduleCohortRequest } from './cohorts.requests';
import { CohortResponse, cohortResponse } from './cohorts.responses';
import { StatusQuery } from './page.requests';
import { PageResponse, pageResponse } from './page.responses';

@Controller('cohorts')
export class CohortsController {
  constructor(
    private readonly cohorts: CohortCommands,
    private readonly queries: CohortQueries,
  ) {}

  @Access(OPERATORS)
  @Post()
  async schedule(@CallerName() actor: string, @Body() body: ScheduleCohortRequest): Promise<CohortResponse> {
    return cohortResponse(await this.cohorts.schedule(actor, body));
  }

  @Access(SIGNED_IN)
  @Get()
  async list(@Query() query: StatusQuery): Promise<PageResponse<CohortResponse>> {
    return pageResponse(await this.queries.list(query, query.status), cohortResponse);
  }

  @Access(SIGNED_IN)
  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<CohortResponse> {
    return cohortResponse(await this.queries.get(id));
  }

  @Access(OPERATORS)
  @Patch(':id')
  async change(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: ChangeCohortRequest): Promise<CohortResponse> {
    return cohortResponse(await this.cohorts.change(actor, id, body));
  }

  @Access(OPERATORS)
  @Post(':id/open')
  @HttpCode(200)
  async open(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string): Promise<CohortResponse> {
    return cohortResponse(await this.cohorts.advance(actor, id, 'open'));
  }

  /** Closes applications: the cohort moves on to matching. */
  @Access(OPERATORS)
  @Post(':id/close')
  @HttpCode(200)
  async close(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string): Promise<CohortResponse> {
    return cohortResponse(await this.cohorts.advance(actor, id, 'matching'));
  }

  @Access(OPERATORS)
  @Post(':id/start')
  @HttpCode(200)
  async start(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string): Promise<CohortResponse> {
    return cohortResponse(await this.cohorts.advance(actor, id, 'running'));
  }

  @Access(OPERATORS)
  @Post(':id/complete')
  @HttpCode(200)
  async complete(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string): Promise<CohortResponse> {
    return cohortResponse(await this.cohorts.advance(actor, id, 'completed'));
  }
}
