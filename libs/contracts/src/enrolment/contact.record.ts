import { IsEmail, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';
import { PERSON_ROLES, PersonRole } from './privacy.events';

export const MESSAGE_LANGUAGES = ['en', 'da'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/**
 * How to reach a person, for notifications only. Published on the compacted topic
 * `cmp.enrolment.contacts`, keyed by person id: the latest record per person is kept, and a
 * tombstone (no data) when the person is erased removes it.
 */
export class ContactData {
  @IsUUID() personId: string;
  @IsIn(PERSON_ROLES) role: PersonRole;
  @IsString() @Length(1, 200) name: string;
  @IsEmail() email: string;
  @IsIn(MESSAGE_LANGUAGES) preferredLanguage: MessageLanguage;
}
export const ContactPublished = defineEvent('dk.cmp.enrolment.contact.v1', ContactData, {
  topic: 'cmp.enrolment.contacts',
  compacted: true,
});
