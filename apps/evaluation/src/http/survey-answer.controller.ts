import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AnswerSurvey } from '../application/surveys/answer-survey';
import { AnswerSurveyRequest } from './dto/evaluation.requests';
import { SurveyTokenPipe } from './survey-token.pipe';
import { Public } from '@cmp/platform';

/**
 * The public side of a survey: whoever holds the link may read and answer it, once. No `x-actor`:
 * the token is the credential, which is why these routes are rate-limited per client.
 */
/** The link's token is the credential: whoever holds it may answer, signed in or not. */
@Public()
@Controller('surveys/answer')
@UseGuards(ThrottlerGuard)
export class SurveyAnswerController {
  constructor(private readonly surveys: AnswerSurvey) {}

  @Get(':token')
  form(@Param('token', SurveyTokenPipe) token: string) {
    return this.surveys.form(token);
  }

  @Post(':token')
  @HttpCode(201)
  answer(@Param('token', SurveyTokenPipe) token: string, @Body() body: AnswerSurveyRequest) {
    return this.surveys.answer(token, body.answers);
  }
}
