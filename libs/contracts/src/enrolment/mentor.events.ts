import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';
import { IsDanishMunicipalityCode, IsIscoCode, IsNaceCode } from '../reference';
import { AvailabilityWindow, LanguageSkill, Nested } from './profile-facts';

/** The facts matching needs about a mentor; contact details travel on `cmp.enrolment.contacts`. */
export class MentorProfile {
  @IsUUID() employerOrganisationId: string;
  /** ISCO-08 unit group. */
  @IsIscoCode({ unitGroupOnly: true }) occupation: string;
  /** NACE section or division. */
  @IsNaceCode() industry: string;
  @IsInt() @Min(0) @Max(60) yearsOfExperience: number;
  @IsArray() @ArrayMinSize(1) @Nested(() => LanguageSkill, { each: true }) languages: LanguageSkill[];
  @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 50, { each: true }) expertise: string[];
  /** Mentees at the same time, 1–3. */
  @IsInt() @Min(1) @Max(3) capacity: number;
  @IsArray() @Nested(() => AvailabilityWindow, { each: true }) availability: AvailabilityWindow[];
  /** Cohorts the mentor volunteered for. */
  @IsArray() @IsUUID('all', { each: true }) cohortIds: string[];
  @IsOptional() @IsDanishMunicipalityCode() municipality?: string;
}

export class MentorRegisteredData {
  @IsUUID() mentorId: string;
  @Nested(() => MentorProfile) profile: MentorProfile;
}
export const MentorRegistered = defineEvent('dk.cmp.enrolment.mentor-registered.v1', MentorRegisteredData);

/** The whole profile after the change, so a consumer can replace what it holds. */
export class MentorUpdatedData {
  @IsUUID() mentorId: string;
  @Nested(() => MentorProfile) profile: MentorProfile;
}
export const MentorUpdated = defineEvent('dk.cmp.enrolment.mentor-updated.v1', MentorUpdatedData);

export class MentorPausedData {
  @IsUUID() mentorId: string;
}
export const MentorPaused = defineEvent('dk.cmp.enrolment.mentor-paused.v1', MentorPausedData);

export class MentorResumedData {
  @IsUUID() mentorId: string;
}
export const MentorResumed = defineEvent('dk.cmp.enrolment.mentor-resumed.v1', MentorResumedData);

export class MentorWithdrewData {
  @IsUUID() mentorId: string;
  @IsString() @Length(1, 500) reason: string;
}
export const MentorWithdrew = defineEvent('dk.cmp.enrolment.mentor-withdrew.v1', MentorWithdrewData);
