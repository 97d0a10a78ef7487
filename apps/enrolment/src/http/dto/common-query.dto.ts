import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { ORGANISATION_KINDS } from '@cmp/contracts';

export class PageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) readonly limit: number = 50;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) readonly offset: number = 0;
}

export class StatusQuery extends PageQuery {
  @IsOptional() @IsIn(['planned', 'open', 'matching', 'running', 'completed', 'issued', 'redeemed', 'revoked'])
  readonly status?: string;
}

export class OrganisationListQuery extends PageQuery {
  @IsOptional() @IsIn(ORGANISATION_KINDS) readonly kind?: string;
}

export class AuditQuery extends PageQuery {
  @IsUUID() readonly entityId: string;
}

export class ChangeConsentRequest {
  @IsBoolean() readonly granted: boolean;
  @IsString() @Length(1, 50) readonly noticeVersion: string;
}
