import { IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { CONSENT_PURPOSES, ConsentPurpose } from '@cmp/contracts';
import { PageQuery } from './page.requests';

export class ConsentParams {
  @IsUUID() readonly id: string;
  @IsIn(CONSENT_PURPOSES) readonly purpose: ConsentPurpose;
}

export class ChangeConsentRequest {
  @IsBoolean() readonly granted: boolean;
  @IsString() @Length(1, 50) readonly noticeVersion: string;
}

export class AuditQuery extends PageQuery {
  @IsUUID() readonly entityId: string;
}
