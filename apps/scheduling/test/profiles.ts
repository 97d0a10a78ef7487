import { MenteeProfile, MentorProfile } from '@cmp/contracts';

/** A developer looking for work in IT, free on Tuesday evenings (Copenhagen time). */
export function menteeProfile(overrides: Partial<MenteeProfile> = {}): MenteeProfile {
  return {
    countryOfOrigin: 'IN',
    municipality: '101',
    languages: [{ language: 'en', level: 'C1' }],
    education: { level: 7, field: '06' },
    yearsOfExperience: 6,
    targetOccupations: ['2512'],
    targetIndustries: ['62'],
    skills: ['java'],
    availability: [{ day: 'tue', start: '17:00', end: '20:00' }],
    preferences: { meetingMode: 'either', mentorIndustries: ['J'] },
    ...overrides,
  };
}

/** A senior developer, free on Tuesday afternoons and evenings. */
export function mentorProfile(cohortId: string, overrides: Partial<MentorProfile> = {}): MentorProfile {
  return {
    employerOrganisationId: '5f0c2a4e-8d1b-4c3a-9e7f-1a2b3c4d5e6f',
    occupation: '2512',
    industry: '62',
    yearsOfExperience: 15,
    languages: [{ language: 'en', level: 'C2' }],
    expertise: ['hiring'],
    capacity: 2,
    availability: [{ day: 'tue', start: '16:00', end: '21:00' }],
    cohortIds: [cohortId],
    ...overrides,
  };
}
