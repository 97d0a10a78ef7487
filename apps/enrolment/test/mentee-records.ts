import type { Cohort } from '../src/application/cohorts/cohort.repository';
import type { Mentee } from '../src/application/mentees/mentee.repository';

/** A stored cohort, open for applications; override what a test is about. */
export function cohortRecord(overrides: Partial<Cohort> = {}): Cohort {
  return {
    id: '00000000-0000-4000-8000-0000000000c1',
    name: 'Spring 2027',
    startsOn: '2027-02-01',
    endsOn: '2027-06-01',
    applicationDeadline: '2027-01-15',
    capacity: 1,
    status: 'open',
    excludeMentorsFromReferringOrganisation: true,
    createdAt: new Date('2026-11-01T09:00:00Z'),
    ...overrides,
  };
}

/** A stored mentee of that cohort; override what a test is about. */
export function menteeRecord(overrides: Partial<Mentee> & Pick<Mentee, 'id'>): Mentee {
  return {
    name: 'Ana Sousa',
    email: `${overrides.id}@example.org`,
    phone: null,
    preferredLanguage: 'en',
    countryOfOrigin: 'PT',
    municipality: '101',
    languages: [{ language: 'en', level: 'C1' }],
    education: { level: 7, field: '06' },
    yearsOfExperience: 8,
    lastOccupation: null,
    targetOccupations: ['2512'],
    targetIndustries: ['62'],
    skills: ['typescript'],
    availability: [{ day: 'tue', start: '17:00', end: '19:00' }],
    preferences: { meetingMode: 'either', mentorIndustries: ['J'] },
    motivation: null,
    cohortId: cohortRecord().id,
    referralId: null,
    referringOrganisationId: null,
    status: 'placed',
    statusReason: null,
    appliedAt: new Date('2026-11-10T09:00:00Z'),
    placedAt: new Date('2026-11-12T09:00:00Z'),
    erasedAt: null,
    ...overrides,
  };
}
