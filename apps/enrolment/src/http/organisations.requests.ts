import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { ORGANISATION_KINDS, OrganisationKind } from '@cmp/contracts';
import { Trim } from './normalise';
import { PageQuery } from './page.requests';

export class RegisterOrganisationRequest {
  @Trim() @IsString() @Length(1, 200) readonly name: string;
  @IsIn(ORGANISATION_KINDS) readonly kind: OrganisationKind;
}

export class ReservePlacementsRequest {
  @IsUUID() readonly cohortId: string;
  @IsInt() @Min(1) @Max(500) readonly count: number;
}

export class IssueReferralRequest {
  @IsOptional() @IsUUID() readonly cohortId?: string;
  @IsOptional() @IsInt() @Min(1) @Max(365) readonly validForDays?: number;
}

export class OrganisationListQuery extends PageQuery {
  @IsOptional() @IsIn(ORGANISATION_KINDS) readonly kind?: string;
}
