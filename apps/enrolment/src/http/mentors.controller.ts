import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { Access, CallerName, Public } from '@cmp/platform';
import { MentorCommands } from '../application/mentors/mentor-commands';
import { MentorQueries } from '../application/mentors/mentor-queries';
import { OPERATORS, OPERATORS_OR_MENTOR_SELF } from './access';
import { DryRun, WOULD_SUCCEED } from './dry-run';
import { ListMentorsQuery, RegisterMentorRequest, UpdateMentorRequest, WithdrawMentorRequest } from './mentors.requests';
import { MentorResponse, mentorResponse } from './mentors.responses';
import { PageResponse, pageResponse } from './page.responses';

@Controller('mentors')
export class MentorsController {
  constructor(
    private readonly mentors: MentorCommands,
    private readonly queries: MentorQueries,
  ) {}

  @Public()
  @Post()
  async register(@CallerName() actor: string, @Body() body: RegisterMentorRequest, @DryRun() dryRun: boolean): Promise<MentorResponse | typeof WOULD_SUCCEED> {
    const mentor = await this.mentors.register(actor, body, { dryRun });
    return dryRun ? WOULD_SUCCEED : mentorResponse(mentor);
  }

  @Access(OPERATORS)
  @Get()
  async list(@Query() query: ListMentorsQuery): Promise<PageResponse<MentorResponse>> {
    return pageResponse(await this.queries.list(query, query), mentorResponse);
  }

  @Access(OPERATORS_OR_MENTOR_SELF)
  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<MentorResponse> {
    return mentorResponse(await this.queries.get(id));
  }

  @Access(OPERATORS_OR_MENTOR_SELF)
  @Patch(':id')
  async update(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateMentorRequest): Promise<MentorResponse> {
    return mentorResponse(await this.mentors.update(actor, id, body));
  }

  @Access(OPERATORS_OR_MENTOR_SELF)
  @Post(':id/pause')
  @HttpCode(200)
  async pause(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string): Promise<MentorResponse> {
    return mentorResponse(await this.mentors.pause(actor, id));
  }

  @Access(OPERATORS_OR_MENTOR_SELF)
  @Post(':id/resume')
  @HttpCode(200)
  async resume(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string): Promise<MentorResponse> {
    return mentorResponse(await this.mentors.resume(actor, id));
  }

  @Access(OPERATORS_OR_MENTOR_SELF)
  @Post(':id/withdraw')
  @HttpCode(200)
  async withdraw(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: WithdrawMentorRequest): Promise<MentorResponse> {
    return mentorResponse(await this.mentors.withdraw(actor, id, body.reason));
  }
}
