import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { MentorCommands } from '../application/mentors/mentor-commands';
import { EnrolmentQueries } from '../application/queries/enrolment-queries';
import { DryRun, WOULD_SUCCEED } from './dry-run';
import { ListMentorsQuery, RegisterMentorRequest, UpdateMentorRequest, WithdrawMentorRequest } from './dto/mentor.request.dto';
import { Access, CallerName, Public } from '@cmp/platform';
import { OPERATORS, OPERATORS_OR_MENTOR_SELF } from './access';

@Controller('mentors')
export class MentorsController {
  constructor(
    private readonly mentors: MentorCommands,
    private readonly queries: EnrolmentQueries,
  ) {}

  @Public()
  @Post()
  async register(@CallerName() actor: string, @Body() body: RegisterMentorRequest, @DryRun() dryRun: boolean) {
    const mentor = await this.mentors.register(actor, body, { dryRun });
    return dryRun ? WOULD_SUCCEED : mentor;
  }

  @Access(OPERATORS)
  @Get()
  list(@Query() query: ListMentorsQuery) {
    return this.queries.mentors(query, query);
  }

  @Access(OPERATORS_OR_MENTOR_SELF)
  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.mentor(id);
  }

  @Access(OPERATORS_OR_MENTOR_SELF)
  @Patch(':id')
  update(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateMentorRequest) {
    return this.mentors.update(actor, id, body);
  }

  @Access(OPERATORS_OR_MENTOR_SELF)
  @Post(':id/pause')
  @HttpCode(200)
  pause(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.mentors.pause(actor, id);
  }

  @Access(OPERATORS_OR_MENTOR_SELF)
  @Post(':id/resume')
  @HttpCode(200)
  resume(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.mentors.resume(actor, id);
  }

  @Access(OPERATORS_OR_MENTOR_SELF)
  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: WithdrawMentorRequest) {
    return this.mentors.withdraw(actor, id, body.reason);
  }
}
