import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsPhoneNumber,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import {
  AvailabilityWindow,
  CONSENT_PURPOSES,
  ConsentPurpose,
  Education,
  IsCountryCode,
  IsDanishMunicipalityCode,
  IsIscoCode,
  IsNaceCode,
  LanguageSkill,
  MenteePreferences,
  MESSAGE_LANGUAGES,
  MessageLanguage,
  Nested,
  WITHDRAWN_BY,
} from '@cmp/contracts';
import { PageQuery } from './page.requests';
import { NormaliseEmail, Trim } from './normalise';

export class ConsentRequest {
  @IsIn(CONSENT_PURPOSES) readonly purpose: ConsentPurpose;
  @IsBoolean() readonly granted: boolean;
  @IsString() @Length(1, 50) readonly noticeVersion: string;
}

export class ApplyRequest {
  @IsOptional() @IsString() @Length(4, 40) readonly referralCode?: string;
  @IsOptional() @IsUUID() readonly cohortId?: string;
  @Trim() @IsString() @Length(1, 200) readonly name: string;
  @NormaliseEmail() @IsEmail() @Length(3, 254) readonly email: string;
  @IsOptional() @IsPhoneNumber(undefined, { message: 'phone must be an international number, e.g. +4512345678' }) readonly phone?: string;
  @IsIn(MESSAGE_LANGUAGES) readonly preferredLanguage: MessageLanguage;
  @IsCountryCode() readonly countryOfOrigin: string;
  @IsDanishMunicipalityCode() readonly municipality: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @Nested(() => LanguageSkill, { each: true }) readonly languages: LanguageSkill[];
  @Nested(() => Education) readonly education: Education;
  @IsInt() @Min(0) @Max(60) readonly yearsOfExperience: number;
  @IsOptional() @IsIscoCode({ unitGroupOnly: true }) readonly lastOccupation?: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @IsIscoCode({ unitGroupOnly: true }, { each: true }) readonly targetOccupations: string[];
  @IsArray() @ArrayMaxSize(10) @IsNaceCode({ each: true }) readonly targetIndustries: string[];
  @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 50, { each: true }) readonly skills: string[];
  @IsArray() @ArrayMaxSize(21) @Nested(() => AvailabilityWindow, { each: true }) readonly availability: AvailabilityWindow[];
  @Nested(() => MenteePreferences) readonly preferences: MenteePreferences;
  @IsOptional() @IsString() @Length(0, 4000) readonly motivation?: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(3) @Nested(() => ConsentRequest, { each: true }) readonly consents: ConsentRequest[];
}

export class RejectRequest {
  @Trim() @IsString() @Length(1, 500) readonly reason: string;
}

export class WithdrawMenteeRequest {
  @IsIn(WITHDRAWN_BY) readonly by: (typeof WITHDRAWN_BY)[number];
  @Trim() @IsString() @Length(1, 500) readonly reason: string;
}

export class ListMenteesQuery extends PageQuery {
  @IsOptional() @IsIn(['applied', 'accepted', 'rejected', 'waitlisted', 'placed', 'active', 'completed', 'withdrawn']) readonly status?: string;
  @IsOptional() @IsUUID() readonly cohortId?: string;
  @IsOptional() @IsUUID() readonly referringOrganisationId?: string;
}
