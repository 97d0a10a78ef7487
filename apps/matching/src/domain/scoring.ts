import { cefrRank, CefrLevel, danishRegionOf, iscoCommonLevel, naceSectionOf } from '@cmp/contracts';
import { MenteeCandidate, MentorCandidate } from './candidate';

export const CRITERIA = ['occupation', 'industry', 'languages', 'skills', 'experience', 'availability', 'location', 'preferences'] as const;
export type Criterion = (typeof CRITERIA)[number];
export type ScoringWeights = Record<Criterion, number>;

/** Default weights sum to 100, so a score reads as points out of 100. */
export const DEFAULT_WEIGHTS: ScoringWeights = {
  occupation: 30,
  industry: 15,
  languages: 15,
  skills: 10,
  experience: 5,
  availability: 15,
  location: 5,
  preferences: 5,
};

export interface CriterionScore {
  /** 0–1: how well the pair does on this criterion. */
  readonly value: number;
  readonly weight: number;
  /** value × weight, normalised so that the weights sum to 100. */
  readonly points: number;
  /** Why, in words a coordinator can check. */
  readonly detail: string;
}

export interface PairScore {
  readonly score: number;
  readonly explanation: Record<Criterion, CriterionScore>;
}

const OCCUPATION_LEVEL_VALUE = [0, 0.25, 0.5, 0.75, 1] as const;
const OCCUPATION_LEVEL_NAME = ['no shared group', 'same major group', 'same sub-major group', 'same minor group', 'same unit group'];
const HOURS_FOR_FULL_AVAILABILITY = 4;

export function scorePair(mentee: MenteeCandidate, mentor: MentorCandidate, weights: ScoringWeights = DEFAULT_WEIGHTS): PairScore {
  const total = CRITERIA.reduce((sum, criterion) => sum + weights[criterion], 0);
  const raw: Record<Criterion, { value: number; detail: string }> = {
    occupation: occupationFit(mentee, mentor),
    industry: industryFit(mentee, mentor),
    languages: languageFit(mentee, mentor),
    skills: skillOverlap(mentee, mentor),
    experience: experienceFit(mentee, mentor),
    availability: availabilityOverlap(mentee, mentor),
    location: locationFit(mentee, mentor),
    preferences: preferenceFit(mentee, mentor),
  };
  const explanation = Object.fromEntries(
    CRITERIA.map((criterion) => {
      const { value, detail } = raw[criterion];
      const points = total > 0 ? (value * weights[criterion] * 100) / total : 0;
      return [criterion, { value: round(value), weight: weights[criterion], points: round(points), detail }];
    }),
  ) as Record<Criterion, CriterionScore>;
  const score = round(CRITERIA.reduce((sum, criterion) => sum + explanation[criterion].points, 0));
  return { score, explanation };
}

function occupationFit(mentee: MenteeCandidate, mentor: MentorCandidate) {
  let best = 0;
  let target = mentee.profile.targetOccupations[0];
  for (const occupation of mentee.profile.targetOccupations) {
    const level = iscoCommonLevel(occupation, mentor.profile.occupation);
    if (level > best) [best, target] = [level, occupation];
  }
  return { value: OCCUPATION_LEVEL_VALUE[best], detail: `${OCCUPATION_LEVEL_NAME[best]} (ISCO ${target} ↔ ${mentor.profile.occupation})` };
}

function industryFit(mentee: MenteeCandidate, mentor: MentorCandidate) {
  const mentorIndustry = mentor.profile.industry;
  const mentorSection = naceSectionOf(mentorIndustry);
  const targets = mentee.profile.targetIndustries;
  if (targets.includes(mentorIndustry)) return { value: 1, detail: `works in target industry ${mentorIndustry}` };
  if (targets.some((target) => naceSectionOf(target) === mentorSection)) {
    return { value: 0.6, detail: `works in target NACE section ${mentorSection}` };
  }
  return { value: 0, detail: `industry ${mentorIndustry} is not among the targets` };
}

function languageFit(mentee: MenteeCandidate, mentor: MentorCandidate) {
  let best = 0;
  let language = '';
  for (const spoken of mentee.profile.languages) {
    const theirs = mentor.profile.languages.find((candidate) => candidate.language === spoken.language);
    if (!theirs) continue;
    const shared = Math.min(cefrRank(spoken.level as CefrLevel), cefrRank(theirs.level as CefrLevel)) / 6;
    if (shared > best) [best, language] = [shared, spoken.language];
  }
  return { value: best, detail: language ? `best shared language ${language}` : 'no shared language' };
}

function skillOverlap(mentee: MenteeCandidate, mentor: MentorCandidate) {
  const skills = new Set(mentee.profile.skills.map(normalise));
  const expertise = new Set(mentor.profile.expertise.map(normalise));
  const shared = [...skills].filter((skill) => expertise.has(skill));
  const union = new Set([...skills, ...expertise]).size;
  return { value: union === 0 ? 0 : shared.length / union, detail: shared.length ? `shared: ${shared.join(', ')}` : 'no shared skills' };
}

function experienceFit(mentee: MenteeCandidate, mentor: MentorCandidate) {
  const lead = mentor.profile.yearsOfExperience - mentee.profile.yearsOfExperience;
  const value = Math.max(0, Math.min(1, (lead + 2) / 7));
  return { value, detail: `mentor has ${mentor.profile.yearsOfExperience} years, mentee ${mentee.profile.yearsOfExperience}` };
}

/** Weekly hours both are available, in Copenhagen local time; four hours or more count fully. */
export function weeklyOverlapHours(mentee: MenteeCandidate, mentor: MentorCandidate): number {
  let minutes = 0;
  for (const a of mentee.profile.availability) {
    for (const b of mentor.profile.availability) {
      if (a.day !== b.day) continue;
      const start = Math.max(toMinutes(a.start), toMinutes(b.start));
      const end = Math.min(toMinutes(a.end), toMinutes(b.end));
      if (end > start) minutes += end - start;
    }
  }
  return minutes / 60;
}

function availabilityOverlap(mentee: MenteeCandidate, mentor: MentorCandidate) {
  const hours = weeklyOverlapHours(mentee, mentor);
  return { value: Math.min(hours, HOURS_FOR_FULL_AVAILABILITY) / HOURS_FOR_FULL_AVAILABILITY, detail: `${round(hours)} h a week in common` };
}

function locationFit(mentee: MenteeCandidate, mentor: MentorCandidate) {
  const theirs = mentor.profile.municipality;
  if (!theirs) return { value: 0, detail: 'mentor gave no municipality' };
  if (theirs === mentee.profile.municipality) return { value: 1, detail: 'same municipality' };
  const region = danishRegionOf(mentee.profile.municipality);
  if (region && region === danishRegionOf(theirs)) return { value: 0.5, detail: 'same region' };
  return { value: 0, detail: 'different regions' };
}

function preferenceFit(mentee: MenteeCandidate, mentor: MentorCandidate) {
  const wanted = mentee.profile.preferences.mentorIndustries;
  if (wanted.length === 0) return { value: 0.5, detail: 'no stated preference' };
  const section = naceSectionOf(mentor.profile.industry);
  const met = wanted.some((industry) => industry === mentor.profile.industry || industry === section);
  return { value: met ? 1 : 0, detail: met ? 'in an industry the mentee asked for' : 'not in an industry the mentee asked for' };
}

function toMinutes(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

function normalise(tag: string): string {
  return tag.trim().toLowerCase();
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
