import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import {
  AvailabilityWindow,
  IsDanishMunicipalityCode,
  IsIscoCode,
  IsNaceCode,
  LanguageSkill,
  MESSAGE_LANGUAGES,
  MessageLanguage,
  Nested,
} from '@cmp/contracts';
import { PageQuery } from './page.requests';
import { NormaliseEmail, Trim } from './normalise';

export class RegisterMentorRequest {
  @Trim() @IsString() @Length(1, 200) readonly name: string;
  @NormaliseEmail() @IsEmail() @Length(3, 254) readonly email: string;
  @IsIn(MESSAGE_LANGUAGES) readonly preferredLanguage: MessageLanguage;
  @IsUUID() readonly employerOrganisationId: string;
  @IsIscoCode({ unitGroupOnly: true }) readonly occupation: string;
  @IsNaceCode() readonly industry: string;
  @IsInt() @Min(0) @Max(60) readonly yearsOfExperience: number;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @Nested(() => LanguageSkill, { each: true }) readonly languages: LanguageSkill[];
  @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 50, { each: true }) readonly expertise: string[];
  @IsInt() @Min(1) @Max(3) readonly capacity: number;
  @IsArray() @ArrayMaxSize(21) @Nested(() => AvailabilityWindow, { each: true }) readonly availability: AvailabilityWindow[];
  @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) readonly cohortIds: string[];
  @IsOptional() @IsDanishMunicipalityCode() readonly municipality?: string;
}

export class UpdateMentorRequest {
  @IsOptional() @IsInt() @Min(1) @Max(3) readonly capacity?: number;
  @IsOptional() @IsArray() @ArrayMaxSize(21) @Nested(() => AvailabilityWindow, { each: true }) readonly availability?: AvailabilityWindow[];
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) readonly cohortIds?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 50, { each: true }) readonly expertise?: string[];
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @Nested(() => LanguageSkill, { each: true }) readonly languages?: LanguageSkill[];
  @IsOptional() @IsIscoCode({ unitGroupOnly: true }) readonly occupation?: string;
  @IsOptional() @IsNaceCode() readonly industry?: string;
  @IsOptional() @IsInt() @Min(0) @Max(60) readonly yearsOfExperience?: number;
  @IsOptional() @IsDanishMunicipalityCode() readonly municipality?: string;
}

export class WithdrawMentorRequest {
  @Trim() @IsString() @Length(1, 500) readonly reason: string;
}

export class ListMentorsQuery extends PageQuery {
  @IsOptional() @IsIn(['active', 'paused', 'withdrawn']) readonly status?: string;
  @IsOptional() @IsUUID() readonly employerOrganisationId?: string;
}
