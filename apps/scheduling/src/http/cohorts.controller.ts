import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import type { Actor } from '@cmp/kernel';
import { CurrentActor, Roles } from '@cmp/platform';
import { CohortCommands } from '../application/cohorts/cohort-commands';
import { CohortQueries } from '../application/cohorts/cohort-queries';
import { RhythmRequest } from './cohorts.requests';
import { cohortOverviewResponse, rhythmResponse } from './cohorts.responses';

/**
 * Coordinators' cohort-wide views and settings: staff only, as the gateway's route table says,
 * checked before the body is validated, so a pair gets 403 whatever it sends (`system` counts
 * as staff in scheduling, see domain/access-rules).
 */
@Roles('admin', 'coordinator', 'system')
@Controller('cohorts/:id')
export class CohortsController {
  constructor(
    private readonly queries: CohortQueries,
    private readonly commands: CohortCommands,
  ) {}

  @Get('overview')
  async overview(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) cohortId: string) {
    return cohortOverviewResponse(await this.queries.overview(actor, cohortId));
  }

  /** Applies to plans created from now on. */
  @Put('rhythm')
  async setRhythm(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) cohortId: string, @Body() body: RhythmRequest) {
    return rhythmResponse(await this.commands.setRhythm(actor, cohortId, body));
  }
}
