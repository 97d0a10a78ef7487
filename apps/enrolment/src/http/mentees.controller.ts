import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApplyAsMenteeHandler } from '../application/apply-as-mentee/apply-as-mentee.handler';
import { EnrolmentQueries } from '../application/queries/enrolment-queries';
import { ReviewApplicationHandler } from '../application/review-application/review-application.handler';
import { WithdrawMenteeHandler } from '../application/withdraw-mentee/withdraw-mentee.handler';
import { DryRun, WOULD_SUCCEED } from './dry-run';
import { ApplyRequest, ListMenteesQuery, RejectRequest, WithdrawMenteeRequest } from './dto/mentee.request.dto';
import { Access, CallerName, ownParam, Public } from '@cmp/platform';
import { OPERATORS } from './access';

@Controller()
export class MenteesController {
  constructor(
    private readonly apply: ApplyAsMenteeHandler,
    private readonly review: ReviewApplicationHandler,
    private readonly withdrawal: WithdrawMenteeHandler,
    private readonly queries: EnrolmentQueries,
  ) {}

  @Public()
  @Post('applications')
  async submit(@CallerName() actor: string, @Body() body: ApplyRequest, @DryRun() dryRun: boolean) {
    const mentee = await this.apply.execute(actor, body, { dryRun });
    return dryRun ? WOULD_SUCCEED : mentee;
  }

  @Access(OPERATORS)
  @Get('mentees')
  list(@Query() query: ListMenteesQuery) {
    return this.queries.mentees(query, query);
  }

  @Access({ ...OPERATORS, mentee: ownParam('id'), mentor: 'any' })
  @Get('mentees/:id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.mentee(id);
  }

  @Access(OPERATORS)
  @Post('mentees/:id/accept')
  @HttpCode(200)
  accept(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.review.accept(actor, id);
  }

  @Access(OPERATORS)
  @Post('mentees/:id/reject')
  @HttpCode(200)
  reject(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: RejectRequest) {
    return this.review.reject(actor, id, body.reason);
  }

  @Access({ ...OPERATORS, mentee: ownParam('id') })
  @Post('mentees/:id/withdraw')
  @HttpCode(200)
  withdraw(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: WithdrawMenteeRequest) {
    return this.withdrawal.execute(actor, { menteeId: id, ...body });
  }
}
