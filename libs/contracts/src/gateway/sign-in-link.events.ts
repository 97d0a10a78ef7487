import { IsDateString, IsIn, IsUrl, IsUUID } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';
import { PERSON_ROLES, PersonRole } from '../enrolment/privacy.events';

/**
 * A mentee or mentor asked to sign in by email. The link carries a one-time secret; it goes to
 * notifications, which mails it to the person's address from the contact directory.
 */
export class SignInLinkRequestedData {
  @IsUUID() personId: string;
  @IsIn(PERSON_ROLES) role: PersonRole;
  @IsUrl({ require_protocol: true, require_tld: false }) link: string;
  @IsDateString() expiresAt: string;
}
export const SignInLinkRequested = defineEvent('dk.cmp.gateway.sign-in-link-requested.v1', SignInLinkRequestedData);
