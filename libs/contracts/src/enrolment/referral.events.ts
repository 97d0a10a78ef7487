import { IsDateString, IsOptional, IsUUID } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';

/** The code itself never leaves the service: only its holder knows it. */
export class ReferralIssuedData {
  @IsUUID() referralId: string;
  @IsUUID() organisationId: string;
  @IsOptional() @IsUUID() cohortId?: string;
  @IsDateString() expiresAt: string;
}
export const ReferralIssued = defineEvent('dk.cmp.enrolment.referral-issued.v1', ReferralIssuedData);

export class ReferralRedeemedData {
  @IsUUID() referralId: string;
  @IsUUID() organisationId: string;
  @IsUUID() cohortId: string;
  @IsUUID() menteeId: string;
}
export const ReferralRedeemed = defineEvent('dk.cmp.enrolment.referral-redeemed.v1', ReferralRedeemedData);

export class ReferralRevokedData {
  @IsUUID() referralId: string;
  @IsUUID() organisationId: string;
}
export const ReferralRevoked = defineEvent('dk.cmp.enrolment.referral-revoked.v1', ReferralRevokedData);
