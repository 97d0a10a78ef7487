import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '@cmp/platform';
import { InvitationCommands } from '../application/invitations/invitation-commands';
import { InvitationQueries } from '../application/invitations/invitation-queries';
import { AnswerSurveyRequest } from './surveys.requests';
import { surveyFormResponse } from './surveys.responses';
import { SurveyTokenPipe } from './survey-token.pipe';

/**
 * The public side of a survey: whoever holds the link may read and answer it, once, signed in or
 * not. The token is the credential, which is why these routes are rate-limited per client.
 */
@Public()
@Controller('surveys/answer')
@UseGuards(ThrottlerGuard)
export class SurveyAnswerController {
  constructor(
    private readonly commands: InvitationCommands,
    private readonly queries: InvitationQueries,
  ) {}

  @Get(':token')
  async form(@Param('token', SurveyTokenPipe) token: string) {
    return surveyFormResponse(await this.queries.form(token));
  }

  @Post(':token')
  @HttpCode(201)
  answer(@Param('token', SurveyTokenPipe) token: string, @Body() body: AnswerSurveyRequest) {
    return this.commands.answer(token, body.answers);
  }
}
