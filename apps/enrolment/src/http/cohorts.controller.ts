import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { CohortCommands } from '../application/cohorts/cohort-commands';
import { EnrolmentQueries } from '../application/queries/enrolment-queries';
import { ActingAs } from './actor.decorator';
import { ChangeCohortRequest, ScheduleCohortRequest } from './dto/cohort.request.dto';
import { StatusQuery } from './dto/common-query.dto';

@Controller('cohorts')
export class CohortsController {
  constructor(
    private readonly cohorts: CohortCommands,
    private readonly queries: EnrolmentQueries,
  ) {}

  @Post()
  schedule(@ActingAs() actor: string, @Body() body: ScheduleCohortRequest) {
    return this.cohorts.schedule(actor, body);
  }

  @Get()
  list(@Query() query: StatusQuery) {
    return this.queries.cohorts(query, query.status);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.cohort(id);
  }

  @Patch(':id')
  change(@ActingAs() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: ChangeCohortRequest) {
    return this.cohorts.change(actor, id, body);
  }

  @Post(':id/open')
  @HttpCode(200)
  open(@ActingAs() actor: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.cohorts.advance(actor, id, 'open');
  }

  /** Closes applications: the cohort moves on to matching. */
  @Post(':id/close')
  @HttpCode(200)
  close(@ActingAs() actor: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.cohorts.advance(actor, id, 'matching');
  }

  @Post(':id/start')
  @HttpCode(200)
  start(@ActingAs() actor: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.cohorts.advance(actor, id, 'running');
  }

  @Post(':id/complete')
  @HttpCode(200)
  complete(@ActingAs() actor: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.cohorts.advance(actor, id, 'completed');
  }
}
