import { plainToInstance } from 'class-transformer';
import { isEmail, isPhoneNumber, validateSync } from 'class-validator';
import { MenteeProfile, MentorProfile } from '@cmp/contracts';
import { planDemo } from './demo-plan';

const SOME_ID = '6f1c2a8e-4b7d-4e1a-9c3f-2d5b8a7e1f00';

function problemsOf<T extends object>(type: new () => T, plain: object): string[] {
  return validateSync(plainToInstance(type, plain) as object).map((error) => error.toString());
}

describe('the demo plan', () => {
  const plan = planDemo();

  it('is the same on every run', () => {
    expect(planDemo()).toEqual(plan);
  });

  it('brings 60 mentees, 35 of them through referral codes, and 45 mentors', () => {
    expect(plan.mentees).toHaveLength(60);
    expect(plan.mentees.filter(({ route }) => route.kind === 'referral')).toHaveLength(35);
    expect(plan.mentors).toHaveLength(45);
  });

  it('leaves most direct applications accepted, two rejected with a reason and a few waiting', () => {
    const decisions = plan.mentees.flatMap(({ route }) => (route.kind === 'direct' ? [route.decision] : []));
    expect(decisions.filter((decision) => decision === 'accept')).toHaveLength(20);
    expect(decisions.filter((decision) => decision === 'reject')).toHaveLength(2);
    expect(decisions.filter((decision) => decision === 'wait')).toHaveLength(3);
  });

  it('gives every mentee a profile the matching contract accepts', () => {
    for (const { application } of plan.mentees) {
      expect(problemsOf(MenteeProfile, application)).toEqual([]);
      expect(isEmail(application.email)).toBe(true);
      if (application.phone !== undefined) expect(isPhoneNumber(application.phone)).toBe(true);
      expect(application.consents.find((consent) => consent.purpose === 'programme-participation')?.granted).toBe(true);
    }
  });

  it('gives every mentor a profile the matching contract accepts', () => {
    for (const { registration, cohorts } of plan.mentors) {
      expect(cohorts.length).toBeGreaterThan(0);
      expect(problemsOf(MentorProfile, { ...registration, employerOrganisationId: SOME_ID, cohortIds: [SOME_ID] })).toEqual([]);
      expect(isEmail(registration.email)).toBe(true);
    }
  });

  it('never offers two availability windows on the same day', () => {
    for (const person of [...plan.mentees.map((mentee) => mentee.application), ...plan.mentors.map((mentor) => mentor.registration)]) {
      const days = person.availability.map((window) => window.day);
      expect(new Set(days).size).toBe(days.length);
    }
  });

  it('gives no two people the same email address', () => {
    const emails = [...plan.mentees.map((mentee) => mentee.application.email), ...plan.mentors.map((mentor) => mentor.registration.email)];
    expect(new Set(emails).size).toBe(emails.length);
  });
});
