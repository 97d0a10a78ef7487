import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { CohortCommands } from '../application/cohorts/cohort-commands';
import { EnrolmentQueries } from '../application/queries/enrolment-queries';
import { ChangeCohortRequest, ScheduleCohortRequest } from './dto/cohort.request.dto';
import { StatusQuery } from './dto/common-query.dto';
import { Access, CallerName } from '@cmp/platform';
import { OPERATORS, SIGNED_IN } from './access';

@Controller('cohorts')
export class CohortsController {
  constructor(
    private readonly cohorts: CohortCommands,
    private readonly queries: EnrolmentQueries,
  ) {}

  @Access(OPERATORS)
  @Post()
  schedule(@CallerName() actor: string, @Body() body: ScheduleCohortRequest) {
    return this.cohorts.schedule(actor, body);
  }

  @Access(SIGNED_IN)
  @Get()
  list(@Query() query: StatusQuery) {
    return this.queries.cohorts(query, query.status);
  }

  @Access(SIGNED_IN)
  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.cohort(id);
  }

  @Access(OPERATORS)
  @Patch(':id')
  change(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: ChangeCohortRequest) {
    return this.cohorts.change(actor, id, body);
  }

  @Access(OPERATORS)
  @Post(':id/open')
  @HttpCode(200)
  open(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.cohorts.advance(actor, id, 'open');
  }

  /** Closes applications: the cohort moves on to matching. */
  @Access(OPERATORS)
  @Post(':id/close')
  @HttpCode(200)
  close(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.cohorts.advance(actor, id, 'matching');
  }

  @Access(OPERATORS)
  @Post(':id/start')
  @HttpCode(200)
  start(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.cohorts.advance(actor, id, 'running');
  }

  @Access(OPERATORS)
  @Post(':id/complete')
  @HttpCode(200)
  complete(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.cohorts.advance(actor, id, 'completed');
  }
}
