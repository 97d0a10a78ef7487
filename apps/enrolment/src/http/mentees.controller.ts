import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Access, CallerName, ownParam, Public } from '@cmp/platform';
import { MenteeCommands } from '../application/mentees/mentee-commands';
import { MenteeQueries } from '../application/mentees/mentee-queries';
import { OPERATORS } from './access';
import { DryRun, WOULD_SUCCEED } from './dry-run';
import { ApplyRequest, ListMenteesQuery, RejectRequest, WithdrawMenteeRequest } from './mentees.requests';
import { MenteeResponse, menteeResponse } from './mentees.responses';
import { PageResponse, pageResponse } from './page.responses';

@Controller()
export class MenteesController {
  constructor(
    private readonly mentees: MenteeCommands,
    private readonly queries: MenteeQueries,
  ) {}

  @Public()
  @Post('applications')
  async submit(@CallerName() actor: string, @Body() body: ApplyRequest, @DryRun() dryRun: boolean): Promise<MenteeResponse | typeof WOULD_SUCCEED> {
    const mentee = await this.mentees.apply(actor, body, { dryRun });
    return dryRun ? WOULD_SUCCEED : menteeResponse(mentee);
  }

  @Access(OPERATORS)
  @Get('mentees')
  async list(@Query() query: ListMenteesQuery): Promise<PageResponse<MenteeResponse>> {
    return pageResponse(await this.queries.list(query, query), menteeResponse);
  }

  @Access({ ...OPERATORS, mentee: ownParam('id'), mentor: 'any' })
  @Get('mentees/:id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<MenteeResponse> {
    return menteeResponse(await this.queries.get(id));
  }

  @Access(OPERATORS)
  @Post('mentees/:id/accept')
  @HttpCode(200)
  async accept(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string): Promise<MenteeResponse> {
    return menteeResponse(await this.mentees.accept(actor, id));
  }

  @Access(OPERATORS)
  @Post('mentees/:id/reject')
  @HttpCode(200)
  async reject(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: RejectRequest): Promise<MenteeResponse> {
    return menteeResponse(await this.mentees.reject(actor, id, body.reason));
  }

  @Access({ ...OPERATORS, mentee: ownParam('id') })
  @Post('mentees/:id/withdraw')
  @HttpCode(200)
  async withdraw(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: WithdrawMenteeRequest): Promise<MenteeResponse> {
    return menteeResponse(await this.mentees.withdraw(actor, { menteeId: id, ...body }));
  }
}
