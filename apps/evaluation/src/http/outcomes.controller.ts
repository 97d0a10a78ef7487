import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CallerName, Roles } from '@cmp/platform';
import { OutcomeCommands } from '../application/outcomes/outcome-commands';
import { OutcomeQueries } from '../application/outcomes/outcome-queries';
import { RecordOutcomeRequest } from './outcomes.requests';
import { cohortOutcomeResponse, recordedOutcomeResponse } from './outcomes.responses';

@Controller()
@Roles('coordinator', 'admin')
export class OutcomesController {
  constructor(
    private readonly commands: OutcomeCommands,
    private readonly queries: OutcomeQueries,
  ) {}

  /** An outcome learnt another way than the survey; the source is noted. */
  @Post('outcomes')
  async record(@CallerName() actor: string, @Body() body: RecordOutcomeRequest) {
    const outcome = await this.commands.recordByCoordinator(actor, {
      ...body,
      hours: body.hours ?? null,
      terms: body.terms ?? null,
      sector: body.sector ?? null,
      occupation: body.occupation ?? null,
      throughMentorNetwork: body.throughMentorNetwork ?? null,
      startedOn: body.startedOn ?? null,
    });
    return recordedOutcomeResponse(outcome);
  }

  @Get('cohorts/:id/outcomes')
  async list(@Param('id', ParseUUIDPipe) cohortId: string) {
    return (await this.queries.ofCohort(cohortId)).map(cohortOutcomeResponse);
  }
}
