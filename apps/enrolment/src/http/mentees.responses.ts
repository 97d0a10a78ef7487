import type { AvailabilityWindow, Education, LanguageSkill, MenteePreferences, MessageLanguage } from '@cmp/contracts';
import type { Mentee } from '../application/mentees/mentee.repository';
import type { MenteeStatus } from '../domain/mentee-lifecycle';
import { isoOrNull } from './page.responses';

/** A mentee as staff and the mentee themselves see them (the routes decide who may ask). */
export interface MenteeResponse {
  readonly id: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly preferredLanguage: MessageLanguage;
  readonly countryOfOrigin: string | null;
  readonly municipality: string | null;
  readonly languages: LanguageSkill[];
  readonly education: Education | null;
  readonly yearsOfExperience: number;
  readonly lastOccupation: string | null;
  readonly targetOccupations: string[];
  readonly targetIndustries: string[];
  readonly skills: string[];
  readonly availability: AvailabilityWindow[];
  readonly preferences: MenteePreferences;
  readonly motivation: string | null;
  readonly cohortId: string;
  readonly referralId: string | null;
  readonly referringOrganisationId: string | null;
  readonly status: MenteeStatus;
  readonly statusReason: string | null;
  readonly appliedAt: string;
  readonly placedAt: string | null;
  readonly erasedAt: string | null;
}

export function menteeResponse(mentee: Mentee): MenteeResponse {
  return {
    id: mentee.id,
    name: mentee.name,
    email: mentee.email,
    phone: mentee.phone,
    preferredLanguage: mentee.preferredLanguage,
    countryOfOrigin: mentee.countryOfOrigin,
    municipality: mentee.municipality,
    languages: mentee.languages,
    education: mentee.education,
    yearsOfExperience: mentee.yearsOfExperience,
    lastOccupation: mentee.lastOccupation,
    targetOccupations: mentee.targetOccupations,
    targetIndustries: mentee.targetIndustries,
    skills: mentee.skills,
    availability: mentee.availability,
    preferences: mentee.preferences,
    motivation: mentee.motivation,
    cohortId: mentee.cohortId,
    referralId: mentee.referralId,
    referringOrganisationId: mentee.referringOrganisationId,
    status: mentee.status,
    statusReason: mentee.statusReason,
    appliedAt: mentee.appliedAt.toISOString(),
    placedAt: isoOrNull(mentee.placedAt),
    erasedAt: isoOrNull(mentee.erasedAt),
  };
}
