import { IsBoolean, IsDateString, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';

export const CONSENT_PURPOSES = ['programme-participation', 'share-outcomes-with-referrer', 'follow-up-surveys'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const PERSON_ROLES = ['mentee', 'mentor'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export class ConsentChangedData {
  @IsUUID() personId: string;
  @IsIn(CONSENT_PURPOSES) purpose: ConsentPurpose;
  @IsBoolean() granted: boolean;
  /** Version of the privacy notice the person saw. */
  @IsString() @Length(1, 50) noticeVersion: string;
  @IsDateString() changedAt: string;
}
export const ConsentChanged = defineEvent('dk.cmp.enrolment.consent-changed.v1', ConsentChangedData);

/** Every service must now erase or anonymise what it holds about the person. */
export class PersonErasedData {
  @IsUUID() personId: string;
  @IsIn(PERSON_ROLES) role: PersonRole;
  @IsDateString() erasedAt: string;
}
export const PersonErased = defineEvent('dk.cmp.enrolment.person-erased.v1', PersonErasedData);
