import { IsDateString, IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';
import { PERSON_ROLES, PersonRole } from '../enrolment/privacy.events';

/**
 * Someone applied as a mentee or registered as a mentor with the email address of an existing
 * mentee or mentor account. The gateway answers that request exactly as it answers one with a
 * new address, so nobody can find out by trying whether an address has an account; the owner
 * is told by email instead (notifications, from the contact directory), so that she knows, and
 * knows how to sign in, if it was her.
 */
export class ExistingAccountEnrolmentAttemptedData {
  /** The owner of the existing account. */
  @IsUUID() personId: string;
  /** What the existing account is. */
  @IsIn(PERSON_ROLES) role: PersonRole;
  /** What the request tried to create: an application (`mentee`) or a mentor registration. */
  @IsIn(PERSON_ROLES) attemptedAs: PersonRole;
  @IsDateString() attemptedAt: string;
}
export const ExistingAccountEnrolmentAttempted = defineEvent('dk.cmp.gateway.existing-account-enrolment-attempted.v1', ExistingAccountEnrolmentAttemptedData);
