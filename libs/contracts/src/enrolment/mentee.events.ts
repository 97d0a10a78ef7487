import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ArrayMinSize } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';
import { IsCountryCode, IsDanishMunicipalityCode, IsIscoCode, IsNaceCode } from '../reference';
import { AvailabilityWindow, Education, LanguageSkill, Nested } from './profile-facts';

export const MEETING_MODES = ['in-person', 'online', 'either'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

/** What the mentee asks of a mentor, beyond the profile itself. */
export class MenteePreferences {
  @IsIn(MEETING_MODES) meetingMode: MeetingMode;
  /** NACE sections or divisions the mentee would like the mentor to know. */
  @IsArray() @ArrayMaxSize(10) @IsNaceCode({ each: true }) mentorIndustries: string[];
}

/**
 * The facts matching needs about a mentee. No name, email, phone or free text: contact details
 * travel only on `cmp.enrolment.contacts`, and motivation stays in enrolment.
 */
export class MenteeProfile {
  /** ISO 3166-1 alpha-2. */
  @IsCountryCode() countryOfOrigin: string;
  /** Danish municipality code (3 digits). */
  @IsDanishMunicipalityCode() municipality: string;
  @IsArray() @ArrayMinSize(1) @Nested(() => LanguageSkill, { each: true }) languages: LanguageSkill[];
  @Nested(() => Education) education: Education;
  @IsInt() @Min(0) @Max(60) yearsOfExperience: number;
  /** ISCO-08 unit group of the last job, if any. */
  @IsOptional() @IsIscoCode({ unitGroupOnly: true }) lastOccupation?: string;
  /** ISCO-08 unit groups the mentee aims for. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @IsIscoCode({ unitGroupOnly: true }, { each: true }) targetOccupations: string[];
  /** NACE sections or divisions. */
  @IsArray() @ArrayMaxSize(10) @IsNaceCode({ each: true }) targetIndustries: string[];
  @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 50, { each: true }) skills: string[];
  @IsArray() @Nested(() => AvailabilityWindow, { each: true }) availability: AvailabilityWindow[];
  @Nested(() => MenteePreferences) preferences: MenteePreferences;
}

export class MenteeAppliedData {
  @IsUUID() menteeId: string;
  @IsUUID() cohortId: string;
  /** Set when the application came with a referral code; then it is accepted at once. */
  @IsOptional() @IsUUID() referralId?: string;
  @IsOptional() @IsUUID() referringOrganisationId?: string;
}
export const MenteeApplied = defineEvent('dk.cmp.enrolment.mentee-applied.v1', MenteeAppliedData);

export class MenteeAcceptedData {
  @IsUUID() menteeId: string;
  @IsUUID() cohortId: string;
}
export const MenteeAccepted = defineEvent('dk.cmp.enrolment.mentee-accepted.v1', MenteeAcceptedData);

export class MenteeRejectedData {
  @IsUUID() menteeId: string;
  /** A coordinator's reason, written for the applicant. */
  @IsString() @Length(1, 500) reason: string;
}
export const MenteeRejected = defineEvent('dk.cmp.enrolment.mentee-rejected.v1', MenteeRejectedData);

export class MenteeWaitlistedData {
  @IsUUID() menteeId: string;
  @IsUUID() cohortId: string;
  /** 1 = next to be placed. */
  @IsInt() @Min(1) position: number;
}
export const MenteeWaitlisted = defineEvent('dk.cmp.enrolment.mentee-waitlisted.v1', MenteeWaitlistedData);

export class MenteePlacedData {
  @IsUUID() menteeId: string;
  @IsUUID() cohortId: string;
  /** The organisation whose referral brought the mentee, for conflict-of-interest rules. */
  @IsOptional() @IsUUID() referringOrganisationId?: string;
  @Nested(() => MenteeProfile) profile: MenteeProfile;
}
export const MenteePlaced = defineEvent('dk.cmp.enrolment.mentee-placed.v1', MenteePlacedData);

export const WITHDRAWN_BY = ['mentee', 'coordinator'] as const;

export class MenteeWithdrewData {
  @IsUUID() menteeId: string;
  @IsOptional() @IsUUID() cohortId?: string;
  @IsIn(WITHDRAWN_BY) by: (typeof WITHDRAWN_BY)[number];
  @IsString() @Length(1, 500) reason: string;
  /** Whether a place in the cohort (and the referrer's placement) was given back. */
  @IsBoolean() placementReleased: boolean;
}
export const MenteeWithdrew = defineEvent('dk.cmp.enrolment.mentee-withdrew.v1', MenteeWithdrewData);
