import { MenteeProfile, MentorProfile } from '@cmp/contracts';
import { menteeProfile, mentorProfile } from '@cmp/testing';
import { MenteeCandidate, MentorCandidate } from './candidate';
import { prepareDraft } from './draft';
import { ineligibility } from './eligibility';
import { CRITERIA, DEFAULT_WEIGHTS, scorePair, weeklyOverlapHours } from './scoring';

const cohort = { cohortId: 'cohort-1', excludeMentorsFromReferringOrganisation: true };

function mentee(overrides: Partial<MenteeProfile> = {}, referringOrganisationId: string | null = null): MenteeCandidate {
  return { id: 'mentee-1', referringOrganisationId, profile: { ...menteeProfile({ skills: ['Java', 'cloud'] }), ...overrides } };
}

function mentor(overrides: Partial<MentorProfile> = {}, extra: Partial<MentorCandidate> = {}): MentorCandidate {
  const profile = mentorProfile('cohort-1', { employerOrganisationId: 'org-employer', languages: [{ language: 'en', level: 'C2' }], ...overrides });
  return { id: 'mentor-1', status: 'active', activeMentees: 0, profile, ...extra };
}

describe('scoring a pair', () => {
  it('explains every criterion and adds the points up to the score', () => {
    const { score, explanation } = scorePair(mentee(), mentor());
    expect(Object.keys(explanation)).toEqual([...CRITERIA]);
    const sum = CRITERIA.reduce((total, criterion) => total + explanation[criterion].points, 0);
    expect(score).toBeCloseTo(sum, 1);
    expect(score).toBeGreaterThan(80);
  });

  it('ranks occupations by how much of the ISCO-08 hierarchy they share', () => {
    const values = ['2512', '2513', '2521', '2141', '7111'].map((occupation) => scorePair(mentee(), mentor({ occupation })).explanation.occupation.value);
    expect(values).toEqual([1, 0.75, 0.5, 0.25, 0]);
  });

  it('gives a same-section industry partial credit', () => {
    expect(scorePair(mentee(), mentor({ industry: '63' })).explanation.industry.value).toBe(0.6);
    expect(scorePair(mentee(), mentor({ industry: 'C' })).explanation.industry.value).toBe(0);
  });

  it('counts the hours both are free each week, up to four', () => {
    expect(weeklyOverlapHours(mentee(), mentor())).toBe(3);
    expect(scorePair(mentee(), mentor({ availability: [{ day: 'wed', start: '16:00', end: '21:00' }] })).explanation.availability.value).toBe(0);
  });

  it('follows the cohort weights: all weight on location makes location the whole score', () => {
    const weights = { ...Object.fromEntries(CRITERIA.map((criterion) => [criterion, 0])), location: 1 } as typeof DEFAULT_WEIGHTS;
    expect(scorePair(mentee(), mentor({ municipality: '147' }), weights).score).toBe(50); // same region, not same municipality
  });
});

describe('hard constraints', () => {
  const never = () => false;

  it('allows a pair that breaks none', () => {
    expect(ineligibility(mentee(), mentor(), cohort, never)).toEqual([]);
  });

  it('needs one language both speak at B2 or above', () => {
    expect(ineligibility(mentee({ languages: [{ language: 'en', level: 'B1' }] }), mentor(), cohort, never)).toEqual(['no-shared-language-at-b2']);
  });

  it('keeps a mentor away from mentees their own employer referred, when the cohort says so', () => {
    expect(ineligibility(mentee({}, 'org-employer'), mentor(), cohort, never)).toEqual(['conflict-of-interest']);
    expect(ineligibility(mentee({}, 'org-employer'), mentor(), { ...cohort, excludeMentorsFromReferringOrganisation: false }, never)).toEqual([]);
  });

  it('refuses paused, full, rejected and non-volunteering mentors', () => {
    const reasons = ineligibility(mentee(), mentor({ cohortIds: [] }, { status: 'paused', activeMentees: 1 }), cohort, () => true);
    expect(reasons).toEqual(['mentor-not-active', 'mentor-not-in-cohort', 'mentor-at-capacity', 'rejected-by-coordinator']);
  });
});

describe('preparing a draft', () => {
  it('lists only eligible pairs and reports a mentee no mentor may take, with the reasons', () => {
    const stranded = { ...mentee({ languages: [{ language: 'pt', level: 'C2' }] }), id: 'mentee-2' };
    const draft = prepareDraft({ cohort, mentees: [mentee(), stranded], mentors: [mentor()], forbidden: new Set(), weights: DEFAULT_WEIGHTS });
    expect(draft.problem.pairs.map((pair) => pair.menteeId)).toEqual(['mentee-1']);
    expect(draft.withoutEligibleMentor.get('mentee-2')).toEqual({ 'no-shared-language-at-b2': 1 });
  });

  it('gives mentors only the capacity they have left', () => {
    const busy = mentor({ capacity: 3 }, { activeMentees: 1 });
    const draft = prepareDraft({ cohort, mentees: [mentee()], mentors: [busy], forbidden: new Set(), weights: DEFAULT_WEIGHTS, promised: new Map([['mentor-1', 1]]) });
    expect(draft.problem.mentors).toEqual([{ id: 'mentor-1', capacity: 1 }]);
  });
});
