import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { MentorCommands } from '../application/mentors/mentor-commands';
import { EnrolmentQueries } from '../application/queries/enrolment-queries';
import { ActingAs } from './actor.decorator';
import { DryRun, WOULD_SUCCEED } from './dry-run';
import { ListMentorsQuery, RegisterMentorRequest, UpdateMentorRequest, WithdrawMentorRequest } from './dto/mentor.request.dto';

@Controller('mentors')
export class MentorsController {
  constructor(
    private readonly mentors: MentorCommands,
    private readonly queries: EnrolmentQueries,
  ) {}

  @Post()
  async register(@ActingAs() actor: string, @Body() body: RegisterMentorRequest, @DryRun() dryRun: boolean) {
    const mentor = await this.mentors.register(actor, body, { dryRun });
    return dryRun ? WOULD_SUCCEED : mentor;
  }

  @Get()
  list(@Query() query: ListMentorsQuery) {
    return this.queries.mentors(query, query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.mentor(id);
  }

  @Patch(':id')
  update(@ActingAs() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateMentorRequest) {
    return this.mentors.update(actor, id, body);
  }

  @Post(':id/pause')
  @HttpCode(200)
  pause(@ActingAs() actor: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.mentors.pause(actor, id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  resume(@ActingAs() actor: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.mentors.resume(actor, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@ActingAs() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: WithdrawMentorRequest) {
    return this.mentors.withdraw(actor, id, body.reason);
  }
}
