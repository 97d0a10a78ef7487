import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { CohortRhythm } from '../application/plans/cohort-rhythm';
import { SchedulingQueries } from '../application/queries/scheduling-queries';
import type { Actor } from '@cmp/kernel';
import { CurrentActor, Roles } from '@cmp/platform';
import { RhythmRequest } from './dto/rhythm.request.dto';

/**
 * Coordinators' cohort-wide views and settings: staff only, as the gateway's route table says,
 * checked before the body is validated, so a pair gets 403 whatever it sends (`system` counts
 * as staff in scheduling, see domain/actor).
 */
@Roles('admin', 'coordinator', 'system')
@Controller('cohorts/:id')
export class CohortsController {
  constructor(
    private readonly queries: SchedulingQueries,
    private readonly rhythm: CohortRhythm,
  ) {}

  @Get('overview')
  overview(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) cohortId: string) {
    return this.queries.cohortOverview(actor, cohortId);
  }

  /** Applies to plans created from now on. */
  @Put('rhythm')
  setRhythm(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) cohortId: string, @Body() body: RhythmRequest) {
    return this.rhythm.set(actor, cohortId, body);
  }
}
