import { MenteeProfile, MentorProfile } from '@cmp/contracts';

/** A software developer looking for work in IT, free on Tuesday evenings. */
export function menteeProfile(overrides: Partial<MenteeProfile> = {}): MenteeProfile {
  return {
    countryOfOrigin: 'IN',
    municipality: '101',
    languages: [{ language: 'en', level: 'C1' }],
    education: { level: 7, field: '06' },
    yearsOfExperience: 6,
    targetOccupations: ['2512'],
    targetIndustries: ['62'],
    skills: ['java', 'cloud'],
    availability: [{ day: 'tue', start: '17:00', end: '20:00' }],
    preferences: { meetingMode: 'either', mentorIndustries: ['J'] },
    ...overrides,
  };
}

/** A senior software developer in IT, free on Tuesday afternoons and evenings. */
export function mentorProfile(cohortId: string, employerOrganisationId: string, overrides: Partial<MentorProfile> = {}): MentorProfile {
  return {
    employerOrganisationId,
    occupation: '2512',
    industry: '62',
    yearsOfExperience: 15,
    languages: [
      { language: 'en', level: 'C2' },
      { language: 'da', level: 'C2' },
    ],
    expertise: ['java', 'hiring'],
    capacity: 1,
    availability: [{ day: 'tue', start: '16:00', end: '21:00' }],
    cohortIds: [cohortId],
    municipality: '101',
    ...overrides,
  };
}
