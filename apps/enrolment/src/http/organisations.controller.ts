import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { OrganisationCommands } from '../application/organisations/organisation-commands';
import { EnrolmentQueries } from '../application/queries/enrolment-queries';
import { ReferralCommands } from '../application/referrals/referral-commands';
import { WithholdOnReplay } from './idempotency.interceptor';
import { OrganisationListQuery, StatusQuery } from './dto/common-query.dto';
import { IssueReferralRequest, RegisterOrganisationRequest, ReservePlacementsRequest } from './dto/organisation.request.dto';
import { Access, CallerName } from '@cmp/platform';
import { OPERATORS, OPERATORS_OR_OWN_ORGANISATION } from './access';

@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationCommands,
    private readonly referrals: ReferralCommands,
    private readonly queries: EnrolmentQueries,
  ) {}

  @Access(OPERATORS)
  @Post()
  register(@CallerName() actor: string, @Body() body: RegisterOrganisationRequest) {
    return this.organisations.register(actor, body);
  }

  @Access(OPERATORS)
  @Get()
  list(@Query() query: OrganisationListQuery) {
    return this.queries.organisations(query, query.kind);
  }

  @Access(OPERATORS_OR_OWN_ORGANISATION)
  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.organisation(id);
  }

  @Access(OPERATORS_OR_OWN_ORGANISATION)
  @Post(':id/placements')
  reserve(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReservePlacementsRequest) {
    return this.organisations.reservePlacements(actor, { organisationId: id, ...body });
  }

  @Access(OPERATORS_OR_OWN_ORGANISATION)
  @Get(':id/placements')
  placements(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.placements(id);
  }

  /** The response carries the code: the only time it is shown (a replayed request gets it withheld). */
  @Access(OPERATORS_OR_OWN_ORGANISATION)
  @Post(':id/referrals')
  @WithholdOnReplay('code')
  async issueReferral(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: IssueReferralRequest) {
    const { referral, code } = await this.referrals.issue(actor, { organisationId: id, ...body });
    const { codeHash: _hidden, ...visible } = referral;
    return { ...visible, code };
  }

  /**
   * What a partner sees of its codes. Who redeemed one stays out (staff find it as the mentee's
   * `referralId`): a partner must never hold a person's CMP id, which other services keep on the
   * anonymous rows that outlive an erasure (webhooks give partners a pseudonym instead).
   */
  @Access(OPERATORS_OR_OWN_ORGANISATION)
  @Get(':id/referrals')
  async listReferrals(@Param('id', ParseUUIDPipe) id: string, @Query() query: StatusQuery) {
    const result = await this.queries.referrals(id, query, query.status);
    return { ...result, items: result.items.map(({ codeHash: _hidden, menteeId: _private, ...visible }) => visible) };
  }

  @Access(OPERATORS_OR_OWN_ORGANISATION)
  @Post(':id/referrals/:referralId/revoke')
  @HttpCode(200)
  async revokeReferral(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string, @Param('referralId', ParseUUIDPipe) referralId: string) {
    const { codeHash: _hidden, menteeId: _private, ...visible } = await this.referrals.revoke(actor, id, referralId);
    return visible;
  }
}
