import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { OutcomeRecorder } from '../application/outcomes/outcome-recorder';
import { CallerName, Roles } from '@cmp/platform';
import { RecordOutcomeRequest } from './dto/evaluation.requests';

@Controller()
@Roles('coordinator', 'admin')
export class OutcomesController {
  constructor(private readonly outcomes: OutcomeRecorder) {}

  /** An outcome learnt another way than the survey; the source is noted. */
  @Post('outcomes')
  record(@CallerName() actor: string, @Body() body: RecordOutcomeRequest) {
    return this.outcomes.recordByCoordinator(actor, {
      ...body,
      hours: body.hours ?? null,
      terms: body.terms ?? null,
      sector: body.sector ?? null,
      occupation: body.occupation ?? null,
      throughMentorNetwork: body.throughMentorNetwork ?? null,
      startedOn: body.startedOn ?? null,
    });
  }

  @Get('cohorts/:id/outcomes')
  list(@Param('id', ParseUUIDPipe) cohortId: string) {
    return this.outcomes.list(cohortId);
  }
}
