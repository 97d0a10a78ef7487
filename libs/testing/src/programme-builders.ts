import { randomUUID } from 'node:crypto';
import type { MenteeProfile, MentorProfile } from '@cmp/contracts';

/**
 * Test data of the programme, valid as the contracts and the enrolment API define it; a test
 * overrides only the fields it is about. Services that consume profiles (matching, scheduling)
 * build events from the profiles; enrolment's tests post the bodies.
 */

/** An employer that exists only in tests, for mentors whose employer does not matter. */
export const TEST_EMPLOYER_ID = '5f0c2a4e-8d1b-4c3a-9e7f-1a2b3c4d5e6f';

/** A software developer looking for work in IT, free on Tuesday evenings (Copenhagen time). */
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

/** A senior software developer in IT, free on Tuesday afternoons and evenings, in one cohort. */
export function mentorProfile(cohortId: string, overrides: Partial<MentorProfile> = {}): MentorProfile {
  return {
    employerOrganisationId: TEST_EMPLOYER_ID,
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

/** A complete, valid mentee application (`POST /applications`), with a unique name, address and phone. */
export function applicationBody(overrides: Record<string, unknown> = {}) {
  const id = randomUUID().slice(0, 8);
  return {
    name: `Ana Sousa ${id}`,
    email: `ana.${id}@example.org`,
    phone: `+4526${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    preferredLanguage: 'en',
    countryOfOrigin: 'PT',
    municipality: '101',
    languages: [
      { language: 'en', level: 'C1' },
      { language: 'da', level: 'A2' },
    ],
    education: { level: 7, field: '06' },
    yearsOfExperience: 8,
    lastOccupation: '2512',
    targetOccupations: ['2512', '2511'],
    targetIndustries: ['J', '62'],
    skills: ['typescript', 'project management'],
    availability: [{ day: 'tue', start: '17:00', end: '19:00' }],
    preferences: { meetingMode: 'either', mentorIndustries: ['J'] },
    motivation: `I moved to Copenhagen with my partner and want to work in software again (${id}).`,
    consents: [
      { purpose: 'programme-participation', granted: true, noticeVersion: '2026-09' },
      { purpose: 'share-outcomes-with-referrer', granted: true, noticeVersion: '2026-09' },
      { purpose: 'follow-up-surveys', granted: false, noticeVersion: '2026-09' },
    ],
    ...overrides,
  };
}

/** A complete, valid mentor registration (`POST /mentors`), with a unique name and address. */
export function mentorBody(employerOrganisationId: string, cohortIds: string[], overrides: Record<string, unknown> = {}) {
  const id = randomUUID().slice(0, 8);
  return {
    name: `Mette Jensen ${id}`,
    email: `mette.${id}@example.com`,
    preferredLanguage: 'da',
    employerOrganisationId,
    occupation: '2512',
    industry: '62',
    yearsOfExperience: 15,
    languages: [
      { language: 'da', level: 'C2' },
      { language: 'en', level: 'C1' },
    ],
    expertise: ['hiring', 'cv review'],
    capacity: 2,
    availability: [{ day: 'tue', start: '16:00', end: '20:00' }],
    cohortIds,
    municipality: '147',
    ...overrides,
  };
}
