import { BadRequestException, Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CallerName, Roles } from '@cmp/platform';
import { InvitationQueries } from '../application/invitations/invitation-queries';
import { SurveyCommands } from '../application/surveys/survey-commands';
import { SurveyQueries } from '../application/surveys/survey-queries';
import { STANDARD_SURVEYS, SurveySlug } from '../domain/surveys/standard-surveys';
import { SurveyQuestion } from '../domain/surveys/survey-question';
import { SurveyVersionRequest } from './surveys.requests';
import { invitationTallyResponse, surveyVersionResponse } from './surveys.responses';

/** Survey definitions and the state of a cohort's invitations, for coordinators. */
@Controller()
@Roles('coordinator', 'admin')
export class SurveysController {
  constructor(
    private readonly commands: SurveyCommands,
    private readonly queries: SurveyQueries,
    private readonly invitations: InvitationQueries,
  ) {}

  @Get('surveys')
  async list() {
    return (await this.queries.list()).map(surveyVersionResponse);
  }

  @Get('surveys/:slug/versions')
  async versions(@Param('slug') slug: string) {
    return (await this.queries.versions(slug)).map(surveyVersionResponse);
  }

  @Post('surveys/:slug/versions')
  async publishVersion(@CallerName() actor: string, @Param('slug') slug: string, @Body() body: SurveyVersionRequest) {
    if (!(slug in STANDARD_SURVEYS)) throw new BadRequestException(`surveys are ${Object.keys(STANDARD_SURVEYS).join(', ')}`);
    return surveyVersionResponse(await this.commands.publishVersion(actor, slug as SurveySlug, body.title, body.questions as SurveyQuestion[]));
  }

  /** Per kind: how many were sent, answered, expired or withdrawn. */
  @Get('cohorts/:id/surveys')
  async cohortSurveys(@Param('id', ParseUUIDPipe) cohortId: string) {
    return (await this.invitations.cohortTally(cohortId)).map(invitationTallyResponse);
  }
}
