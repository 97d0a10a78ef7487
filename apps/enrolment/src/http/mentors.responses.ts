import type { AvailabilityWindow, LanguageSkill, MessageLanguage } from '@cmp/contracts';
import type { Mentor } from '../application/mentors/mentor.repository';
import type { MentorStatus } from '../domain/mentor-availability';
import { isoOrNull } from './page.responses';

/** A mentor as staff and the mentor themselves see them (the routes decide who may ask). */
export interface MentorResponse {
  readonly id: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly preferredLanguage: MessageLanguage;
  readonly employerOrganisationId: string;
  readonly occupation: string;
  readonly industry: string;
  readonly yearsOfExperience: number;
  readonly languages: LanguageSkill[];
  readonly expertise: string[];
  readonly capacity: number;
  readonly availability: AvailabilityWindow[];
  readonly cohortIds: string[];
  readonly municipality: string | null;
  readonly status: MentorStatus;
  readonly createdAt: string;
  readonly erasedAt: string | null;
}

export function mentorResponse(mentor: Mentor): MentorResponse {
  return {
    id: mentor.id,
    name: mentor.name,
    email: mentor.email,
    preferredLanguage: mentor.preferredLanguage,
    employerOrganisationId: mentor.employerOrganisationId,
    occupation: mentor.occupation,
    industry: mentor.industry,
    yearsOfExperience: mentor.yearsOfExperience,
    languages: mentor.languages,
    expertise: mentor.expertise,
    capacity: mentor.capacity,
    availability: mentor.availability,
    cohortIds: mentor.cohortIds,
    municipality: mentor.municipality,
    status: mentor.status,
    createdAt: mentor.createdAt.toISOString(),
    erasedAt: isoOrNull(mentor.erasedAt),
  };
}
