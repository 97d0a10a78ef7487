import { Body, Controller, Get, Param, ParseUUIDPipe, Post, BadRequestException } from '@nestjs/common';
import { InvitationQueries } from '../application/surveys/invitation-queries';
import { SurveyDefinitions } from '../application/surveys/survey-definitions';
import { STANDARD_SURVEYS, SurveySlug } from '../domain/surveys/standard-surveys';
import { SurveyQuestion } from '../domain/surveys/survey-question';
import { CallerName, Roles } from '@cmp/platform';
import { SurveyVersionRequest } from './dto/evaluation.requests';

/** Survey definitions and the state of a cohort's invitations, for coordinators. */
@Controller()
@Roles('coordinator', 'admin')
export class SurveysController {
  constructor(
    private readonly definitions: SurveyDefinitions,
    private readonly invitations: InvitationQueries,
  ) {}

  @Get('surveys')
  list() {
    return this.definitions.list();
  }

  @Get('surveys/:slug/versions')
  versions(@Param('slug') slug: string) {
    return this.definitions.versions(slug);
  }

  @Post('surveys/:slug/versions')
  publishVersion(@CallerName() actor: string, @Param('slug') slug: string, @Body() body: SurveyVersionRequest) {
    if (!(slug in STANDARD_SURVEYS)) throw new BadRequestException(`surveys are ${Object.keys(STANDARD_SURVEYS).join(', ')}`);
    return this.definitions.publishVersion(actor, slug as SurveySlug, body.title, body.questions as SurveyQuestion[]);
  }

  /** Per kind: how many were sent, answered, expired or withdrawn. */
  @Get('cohorts/:id/surveys')
  cohortSurveys(@Param('id', ParseUUIDPipe) cohortId: string) {
    return this.invitations.cohortTally(cohortId);
  }
}
