import { randomUUID } from 'node:crypto';

/** A complete, valid application body; override what a test is about. */
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
