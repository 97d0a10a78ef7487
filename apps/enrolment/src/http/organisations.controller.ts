import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { OrganisationCommands } from '../application/organisations/organisation-commands';
import { EnrolmentQueries } from '../application/queries/enrolment-queries';
import { ReferralCommands } from '../application/referrals/referral-commands';
import { ActingAs } from './actor.decorator';
import { WithholdOnReplay } from './idempotency.interceptor';
import { OrganisationListQuery, StatusQuery } from './dto/common-query.dto';
import { IssueReferralRequest, RegisterOrganisationRequest, ReservePlacementsRequest } from './dto/organisation.request.dto';

@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationCommands,
    private readonly referrals: ReferralCommands,
    private readonly queries: EnrolmentQueries,
  ) {}

  @Post()
  register(@ActingAs() actor: string, @Body() body: RegisterOrganisationRequest) {
    return this.organisations.register(actor, body);
  }

  @Get()
  list(@Query() query: OrganisationListQuery) {
    return this.queries.organisations(query, query.kind);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.organisation(id);
  }

  @Post(':id/placements')
  reserve(@ActingAs() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReservePlacementsRequest) {
    return this.organisations.reservePlacements(actor, { organisationId: id, ...body });
  }

  @Get(':id/placements')
  placements(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.placements(id);
  }

  /** The response carries the code: the only time it is shown (a replayed request gets it withheld). */
  @Post(':id/referrals')
  @WithholdOnReplay('code')
  async issueReferral(@ActingAs() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: IssueReferralRequest) {
    const { referral, code } = await this.referrals.issue(actor, { organisationId: id, ...body });
    const { codeHash: _hidden, ...visible } = referral;
    return { ...visible, code };
  }

  /**
   * What a partner sees of its codes. Who redeemed one stays out (staff find it as the mentee's
   * `referralId`): a partner must never hold a person's CMP id, which other services keep on the
   * anonymous rows that outlive an erasure (webhooks give partners a pseudonym instead).
   */
  @Get(':id/referrals')
  async listReferrals(@Param('id', ParseUUIDPipe) id: string, @Query() query: StatusQuery) {
    const result = await this.queries.referrals(id, query, query.status);
    return { ...result, items: result.items.map(({ codeHash: _hidden, menteeId: _private, ...visible }) => visible) };
  }

  @Post(':id/referrals/:referralId/revoke')
  @HttpCode(200)
  async revokeReferral(@ActingAs() actor: string, @Param('id', ParseUUIDPipe) id: string, @Param('referralId', ParseUUIDPipe) referralId: string) {
    const { codeHash: _hidden, menteeId: _private, ...visible } = await this.referrals.revoke(actor, id, referralId);
    return visible;
  }
}
