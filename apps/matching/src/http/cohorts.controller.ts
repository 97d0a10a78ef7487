import { BadRequestException, Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { Access, CallerName, STAFF } from '@cmp/platform';
import { CohortCommands } from '../application/cohorts/cohort-commands';
import { WeightsRequest } from './cohorts.requests';
import { CohortResponse, cohortResponse } from './cohorts.responses';

/** Who may call what mirrors the gateway's route table (apps/gateway/src/routes/matching.routes.ts). */
@Controller()
export class CohortsController {
  constructor(private readonly cohorts: CohortCommands) {}

  @Access(STAFF)
  @Put('cohorts/:id/weights')
  async weights(@Param('id', ParseUUIDPipe) cohortId: string, @Body() body: WeightsRequest, @CallerName() actor: string): Promise<CohortResponse> {
    if (Object.values(body).every((weight) => weight === 0)) throw new BadRequestException('at least one weight must be above 0');
    return cohortResponse(await this.cohorts.setWeights(actor, cohortId, { ...body }));
  }
}
