import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Access, CallerName } from '@cmp/platform';
import { OrganisationCommands } from '../application/organisations/organisation-commands';
import { OrganisationQueries } from '../application/organisations/organisation-queries';
import { ReferralCommands } from '../application/referrals/referral-commands';
import { OPERATORS, OPERATORS_OR_OWN_ORGANISATION } from './access';
import { WithholdOnReplay } from './idempotency.interceptor';
import { IssueReferralRequest, OrganisationListQuery, RegisterOrganisationRequest, ReservePlacementsRequest } from './organisations.requests';
import {
  IssuedReferralResponse,
  issuedReferralResponse,
  OrganisationResponse,
  organisationResponse,
  PlacementQuotaResponse,
  placementQuotaResponse,
  ReferralResponse,
  referralResponse,
} from './organisations.responses';
import { PageResponse, pageResponse } from './page.responses';
import { StatusQuery } from './page.requests';

@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationCommands,
    private readonly referrals: ReferralCommands,
    private readonly queries: OrganisationQueries,
  ) {}

  @Access(OPERATORS)
  @Post()
  async register(@CallerName() actor: string, @Body() body: RegisterOrganisationRequest): Promise<OrganisationResponse> {
    return organisationResponse(await this.organisations.register(actor, body));
  }

  @Access(OPERATORS)
  @Get()
  async list(@Query() query: OrganisationListQuery): Promise<PageResponse<OrganisationResponse>> {
    return pageResponse(await this.queries.list(query, query.kind), organisationResponse);
  }

  @Access(OPERATORS_OR_OWN_ORGANISATION)
  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<OrganisationResponse> {
    return organisationResponse(await this.queries.get(id));
  }

  @Access(OPERATORS_OR_OWN_ORGANISATION)
  @Post(':id/placements')
  async reserve(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReservePlacementsRequest): Promise<PlacementQuotaResponse> {
    return placementQuotaResponse(await this.organisations.reservePlacements(actor, { organisationId: id, ...body }));
  }

  @Access(OPERATORS_OR_OWN_ORGANISATION)
  @Get(':id/placements')
  async placements(@Param('id', ParseUUIDPipe) id: string): Promise<PlacementQuotaResponse[]> {
    return (await this.queries.placements(id)).map(placementQuotaResponse);
  }

  /** The response carries the code: the only time it is shown (a replayed request gets it withheld). */
  @Access(OPERATORS_OR_OWN_ORGANISATION)
  @Post(':id/referrals')
  @WithholdOnReplay('code')
  async issueReferral(@CallerName() actor: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: IssueReferralRequest): Promise<IssuedReferralResponse> {
    const { referral, code } = await this.referrals.issue(actor, { organisationId: id, ...body });
    return issuedReferralResponse(referral, code);
  }

  @Access(OPERATORS_OR_OWN_ORGANISATION)
  @Get(':id/referrals')
  async listReferrals(@Param('id', ParseUUIDPipe) id: string, @Query() query: StatusQuery): Promise<PageResponse<ReferralResponse>> {
    return pageResponse(await this.queries.referrals(id, query, query.status), referralResponse);
  }

  @Access(OPERATORS_OR_OWN_ORGANISATION)
  @Post(':id/referrals/:referralId/revoke')
  @HttpCode(200)
  async revokeReferral(
    @CallerName() actor: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('referralId', ParseUUIDPipe) referralId: string,
  ): Promise<ReferralResponse> {
    return referralResponse(await this.referrals.revoke(actor, id, referralId));
  }
}
