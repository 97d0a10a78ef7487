import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { STAFF_ROLES, StaffRole } from '../../domain/principal';

const NormaliseEmail = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));
const SECRET = /^[A-Za-z0-9_-]{20,200}$/;

export class SignInRequest {
  @NormaliseEmail() @IsEmail() @Length(3, 254) readonly email: string;
  @IsString() @Length(1, 200) readonly password: string;
}

export class RefreshRequest {
  @Matches(SECRET, { message: 'refreshToken is not a token this gateway issued' }) readonly refreshToken: string;
}

export class SignInLinkRequest {
  @NormaliseEmail() @IsEmail() @Length(3, 254) readonly email: string;
}

export class RedeemSignInLinkRequest {
  @Matches(SECRET, { message: 'token is not a token this gateway issued' }) readonly token: string;
}

/** Passwords: long rather than complicated (NIST SP 800-63B), and bounded so hashing stays cheap. */
export class CreateAccountRequest {
  @NormaliseEmail() @IsEmail() @Length(3, 254) readonly email: string;
  @IsString() @Length(12, 200) readonly password: string;
  @IsIn(STAFF_ROLES) readonly role: StaffRole;
}

/** The gateway's part of an application or mentor registration; the rest is enrolment's to validate. */
export class NewAccountCredentials {
  @NormaliseEmail() @IsEmail() @Length(3, 254) readonly email: string;
  @IsOptional() @IsString() @Length(12, 200) readonly password?: string;
}

export class CreatePartnerKeyRequest {
  @IsUUID() readonly organisationId: string;
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @IsString() @Length(1, 100) readonly name: string;
}

export class PartnerKeyListQuery {
  @IsOptional() @IsUUID() readonly organisationId?: string;
}
