import {
  AvailabilityWindow,
  CefrLevel,
  cefrAtLeast,
  ConsentPurpose,
  DANISH_MUNICIPALITY_BY_CODE,
  Education,
  LanguageSkill,
  MeetingMode,
  MenteePreferences,
  MessageLanguage,
  Weekday,
} from '@cmp/contracts';
import {
  assertCatalogueCodes,
  CAREER_PATHS,
  CareerPath,
  COMPANY_NAME,
  DANISH_EXTRA_LANGUAGES,
  DANISH_FAMILY_NAMES,
  DANISH_GIVEN_NAMES,
  DEMO_EMPLOYERS,
  DemoEmployer,
  MENTEE_MUNICIPALITIES,
  MENTORING_TOPICS,
  ORIGIN_COUNTRIES,
  OriginCountry,
  OTHER_EMPLOYERS,
  SECOND_FOREIGN_LANGUAGES,
  UNIVERSITY_NAME,
} from './demo-catalogue';
import { SeededRandom } from './seeded-random';

/**
 * What the demo will contain, decided before any request is sent and the same on every run:
 * the cohorts, the placements, 60 mentees (how each one arrives and what happens to them) and
 * 45 mentors. Server-made values — ids, referral codes — are filled in by the seed as it goes.
 */

export const DEMO_SEED = 20261126;
export const NOTICE_VERSION = '2026-09';

export type CohortKey = 'spring' | 'autumn';
export type ReferringKey = 'company' | 'university';

export interface DemoCohort {
  readonly key: CohortKey;
  readonly name: string;
  readonly startsOn: string;
  readonly applicationDeadline: string;
  readonly capacity: number;
}

export const DEMO_COHORTS: readonly DemoCohort[] = [
  { key: 'spring', name: 'Spring 2027', startsOn: '2027-02-01', applicationDeadline: '2027-01-15', capacity: 40 },
  { key: 'autumn', name: 'Autumn 2027', startsOn: '2027-09-01', applicationDeadline: '2027-08-15', capacity: 30 },
];

export const REFERRING_ORGANISATIONS: Record<ReferringKey, string> = { company: COMPANY_NAME, university: UNIVERSITY_NAME };

/**
 * Placements each referrer buys, and how many of its codes spouses redeem in the demo. `openEnded`
 * of those codes are issued without a cohort (the spouse picks one when applying); the rest are
 * bound to the cohort and hold a placement from issue. The company's spring quota leaves room
 * for the extra codes the seed prints at the end.
 */
export const REFERRAL_PLAN: ReadonlyArray<{ readonly referrer: ReferringKey; readonly cohort: CohortKey; readonly placements: number; readonly redeemed: number; readonly openEnded: number }> = [
  { referrer: 'company', cohort: 'spring', placements: 20, redeemed: 12, openEnded: 1 },
  { referrer: 'company', cohort: 'autumn', placements: 12, redeemed: 8, openEnded: 1 },
  { referrer: 'university', cohort: 'spring', placements: 12, redeemed: 9, openEnded: 1 },
  { referrer: 'university', cohort: 'autumn', placements: 8, redeemed: 6, openEnded: 1 },
];

/** Unused company codes for Spring 2027, printed so a person can try applying with them. */
export const SPARE_COMPANY_CODES = 3;

/** Direct applications per cohort, and what the seed, as coordinator, decides on them. */
const DIRECT_APPLICATIONS: Record<CohortKey, number> = { spring: 12, autumn: 13 };
const DIRECT_DECISIONS = { accept: 20, reject: 2, wait: 3 } as const;

export type MenteeRoute =
  | { readonly kind: 'referral'; readonly referrer: ReferringKey; readonly cohort: CohortKey; readonly boundToCohort: boolean }
  | { readonly kind: 'direct'; readonly cohort: CohortKey; readonly decision: 'accept' | 'wait' }
  | { readonly kind: 'direct'; readonly cohort: CohortKey; readonly decision: 'reject'; readonly reason: string };

export interface ConsentAnswer {
  readonly purpose: ConsentPurpose;
  readonly granted: boolean;
  readonly noticeVersion: string;
}

/** The body of `POST /applications` without `referralCode` and `cohortId`. */
export interface MenteeApplication {
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
  readonly preferredLanguage: MessageLanguage;
  readonly countryOfOrigin: string;
  readonly municipality: string;
  readonly languages: LanguageSkill[];
  readonly education: Education;
  readonly yearsOfExperience: number;
  readonly lastOccupation?: string;
  readonly targetOccupations: string[];
  readonly targetIndustries: string[];
  readonly skills: string[];
  readonly availability: AvailabilityWindow[];
  readonly preferences: MenteePreferences;
  readonly motivation: string;
  readonly consents: ConsentAnswer[];
}

export interface PlannedMentee {
  readonly route: MenteeRoute;
  readonly application: MenteeApplication;
}

/** The body of `POST /mentors` without `employerOrganisationId` and `cohortIds`. */
export interface MentorRegistration {
  readonly name: string;
  readonly email: string;
  readonly preferredLanguage: MessageLanguage;
  readonly occupation: string;
  readonly industry: string;
  readonly yearsOfExperience: number;
  readonly languages: LanguageSkill[];
  readonly expertise: string[];
  readonly capacity: number;
  readonly availability: AvailabilityWindow[];
  readonly municipality?: string;
}

export interface PlannedMentor {
  /** The employer's organisation name. */
  readonly employer: string;
  readonly cohorts: CohortKey[];
  readonly registration: MentorRegistration;
}

export interface DemoPlan {
  readonly mentees: PlannedMentee[];
  readonly mentors: PlannedMentor[];
}

export function planDemo(seed = DEMO_SEED): DemoPlan {
  assertCatalogueCodes();
  const random = new SeededRandom(seed);
  const people = new PeopleNames();
  const mentees = random.shuffle(menteeRoutes(random)).map((route) => ({ route, application: menteeApplication(random, people, route) }));
  const mentors = DEMO_EMPLOYERS.flatMap((employer) => mentorsOf(random, people, employer));
  return { mentees, mentors };
}

function menteeRoutes(random: SeededRandom): MenteeRoute[] {
  const routes: MenteeRoute[] = [];
  for (const { referrer, cohort, redeemed, openEnded } of REFERRAL_PLAN) {
    for (let i = 0; i < redeemed; i++) routes.push({ kind: 'referral', referrer, cohort, boundToCohort: i >= openEnded });
  }
  const decisions = random.shuffle(
    (Object.entries(DIRECT_DECISIONS) as [keyof typeof DIRECT_DECISIONS, number][]).flatMap(([decision, count]) => Array<typeof decision>(count).fill(decision)),
  );
  const cohorts = (Object.entries(DIRECT_APPLICATIONS) as [CohortKey, number][]).flatMap(([cohort, count]) => Array<CohortKey>(count).fill(cohort));
  if (decisions.length !== cohorts.length) throw new Error('direct applications and decisions on them do not add up');
  const reasons = [...REJECTION_REASONS];
  cohorts.forEach((cohort, i) => {
    const decision = decisions[i];
    routes.push(decision === 'reject' ? { kind: 'direct', cohort, decision, reason: reasons.shift() as string } : { kind: 'direct', cohort, decision });
  });
  return routes;
}

const REJECTION_REASONS = [
  "The programme is for partners of international employees; your application says you came to Denmark on your own work permit. International House Copenhagen's job-seeker services can help you instead.",
  'The programme helps partners who are new to the Danish job market; you have worked in Denmark since 2019. Your union or a-kasse offers career counselling for your next step.',
];

const DANISH_LEVELS: ReadonlyArray<readonly [CefrLevel | undefined, number]> = [
  [undefined, 35], ['A1', 20], ['A2', 17], ['B1', 15], ['B2', 10], ['C1', 3],
];

const MENTEE_SLOTS: ReadonlyArray<readonly [string, string]> = [
  ['09:00', '11:00'], ['10:00', '12:00'], ['13:00', '15:00'], ['14:00', '16:00'], ['17:00', '19:00'], ['19:00', '21:00'],
];
const MENTOR_SLOTS: ReadonlyArray<readonly [string, string]> = [
  ['08:00', '09:00'], ['12:00', '13:00'], ['16:00', '17:30'], ['17:00', '19:00'], ['19:30', '21:00'],
];
const WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

const MEETING_MODES: ReadonlyArray<readonly [MeetingMode, number]> = [['either', 50], ['online', 25], ['in-person', 25]];

const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];

const MONTHS_MOVED = ['November 2025', 'January 2026', 'March 2026', 'April 2026', 'June 2026', 'August 2026', 'September 2026', 'October 2026'];

const DEGREES: Record<number, string> = { 5: 'diploma', 6: "bachelor's degree", 7: "master's degree", 8: 'PhD' };

function menteeApplication(random: SeededRandom, people: PeopleNames, route: MenteeRoute): MenteeApplication {
  const country = random.weighted(ORIGIN_COUNTRIES.map((candidate) => [candidate, candidate.weight] as const));
  const path = random.weighted(CAREER_PATHS.map((candidate) => [candidate, candidate.weight] as const));
  const name = people.unique(() => `${random.pick(country.givenNames)} ${random.pick(country.familyNames)}`);
  const danish = random.weighted(DANISH_LEVELS);
  const languages = spokenLanguages(random, country, danish);
  const recentGraduate = random.chance(0.08);
  const level = random.pick(path.educationLevels);
  const yearsOfExperience = recentGraduate ? random.int(0, 1) : random.int(level === 8 ? 3 : 2, 18);
  const targetIndustries = random.sample(path.industries, random.int(1, Math.min(3, path.industries.length)));
  const municipality = random.weighted(MENTEE_MUNICIPALITIES);
  const referred = route.kind === 'referral';
  const consents: ConsentAnswer[] = [
    { purpose: 'programme-participation', granted: true, noticeVersion: NOTICE_VERSION },
    ...(referred ? [{ purpose: 'share-outcomes-with-referrer' as const, granted: random.chance(0.8), noticeVersion: NOTICE_VERSION }] : []),
    { purpose: 'follow-up-surveys', granted: random.chance(0.7), noticeVersion: NOTICE_VERSION },
  ];
  const story: Story = {
    partner: random.pick(['husband', 'wife', 'partner']),
    employer: route.kind === 'referral' ? shortName(REFERRING_ORGANISATIONS[route.referrer]) : random.pick(OTHER_EMPLOYERS),
    city: cityName(municipality),
    country: country.name,
    moved: random.pick(MONTHS_MOVED),
    role: path.role,
    years: yearsOfExperience,
    degree: DEGREES[level] ?? 'degree',
    danish,
  };
  return {
    name,
    email: people.email(name, random.pick(EMAIL_DOMAINS)),
    ...(random.chance(0.85) ? { phone: danishMobile(random) } : {}),
    preferredLanguage: danish && cefrAtLeast(danish, 'B2') && random.chance(0.5) ? 'da' : 'en',
    countryOfOrigin: country.code,
    municipality,
    languages,
    education: { level, field: path.educationField },
    yearsOfExperience,
    ...(recentGraduate ? {} : { lastOccupation: path.lastOccupation }),
    targetOccupations: path.targetOccupations.slice(0, random.int(1, path.targetOccupations.length)),
    targetIndustries,
    skills: random.sample(path.skills, random.int(3, 6)),
    availability: weeklyWindows(random, random.chance(0.15) ? [...WORKDAYS, 'sat'] : WORKDAYS, MENTEE_SLOTS, random.int(1, 3)),
    preferences: {
      meetingMode: random.weighted(MEETING_MODES),
      mentorIndustries: random.chance(0.2) ? [] : random.sample(targetIndustries, random.int(1, 2)),
    },
    motivation: route.kind === 'direct' && route.decision === 'reject' ? ineligibleMotivation(route.reason, story) : motivation(random, story, recentGraduate, path),
    consents,
  };
}

function spokenLanguages(random: SeededRandom, country: OriginCountry, danish: CefrLevel | undefined): LanguageSkill[] {
  const languages: LanguageSkill[] = country.nativeLanguages.map((language) => ({ language, level: 'C2' }));
  if (!country.nativeLanguages.includes('en')) languages.push({ language: 'en', level: random.pick(country.englishLevels) });
  if (danish) languages.push({ language: 'da', level: danish });
  const others = SECOND_FOREIGN_LANGUAGES.filter((language) => !languages.some((known) => known.language === language));
  if (random.chance(0.25)) languages.push({ language: random.pick(others), level: random.pick(['A2', 'B1', 'B2']) });
  return languages;
}

interface Story {
  readonly partner: string;
  readonly employer: string;
  readonly city: string;
  readonly country: string;
  readonly moved: string;
  readonly role: string;
  readonly years: number;
  readonly degree: string;
  readonly danish: CefrLevel | undefined;
}

function motivation(random: SeededRandom, story: Story, recentGraduate: boolean, path: CareerPath): string {
  const { partner, employer, city, country, moved, role, years, degree, danish } = story;
  if (recentGraduate) {
    return `I finished my ${degree} in ${country} just before we moved: my ${partner} started at ${employer} in ${moved}. I am looking for my first job as ${role} and would value a mentor's advice on where to start.`;
  }
  const templates = [
    () => `I moved to ${city} in ${moved} with my ${partner}, who joined ${employer}. I worked as ${role} in ${country} for ${years} years and want to find out how to continue that career in Denmark.`,
    () => `My ${partner} was hired by ${employer} and we arrived in ${moved} with our children. After ${years} years as ${role} I would like help with a Danish-style CV and with building a professional network here.`,
    () => `I have ${years} years of experience as ${role}, most recently in ${country}. Since my ${partner} started at ${employer} I have applied for jobs around ${city} without getting interviews; a mentor who knows the Danish job market would help me understand why.`,
    () => `We came to Denmark for my ${partner}'s job at ${employer}. I am learning Danish${danish ? ` (${danish} so far)` : ''} and looking for work as ${role} again, ideally in ${path.skills[0]} or close to it.`,
  ];
  return random.pick(templates)();
}

function ineligibleMotivation(reason: string, story: Story): string {
  return reason === REJECTION_REASONS[0]
    ? `I came to ${story.city} on my own work permit in ${story.moved} to work as ${story.role} at ${story.employer}, and I would now like to change to a new field.`
    : `I have worked in ${story.city} as ${story.role} since 2019 and would like a mentor for my next career step.`;
}

function mentorsOf(random: SeededRandom, people: PeopleNames, employer: DemoEmployer): PlannedMentor[] {
  const roles = random.shuffle(employer.roles);
  return Array.from({ length: employer.mentorCount }, (_, i) => {
    const role = roles[i % roles.length];
    const international = random.chance(0.25) ? random.weighted(ORIGIN_COUNTRIES.map((country) => [country, country.weight] as const)) : undefined;
    const name = people.unique(() =>
      international
        ? `${random.pick(international.givenNames)} ${random.pick(international.familyNames)}`
        : `${random.pick(DANISH_GIVEN_NAMES)} ${random.pick(DANISH_FAMILY_NAMES)}`,
    );
    const languages: LanguageSkill[] = international
      ? [
          ...international.nativeLanguages.map((language) => ({ language, level: 'C2' })),
          ...(international.nativeLanguages.includes('en') ? [] : [{ language: 'en', level: random.pick(['C1', 'C2']) }]),
          { language: 'da', level: random.pick(['B2', 'C1']) },
        ]
      : [
          { language: 'da', level: 'C2' },
          { language: 'en', level: random.pick(['C1', 'C1', 'C2']) },
          ...(random.chance(0.4) ? [{ language: random.pick(DANISH_EXTRA_LANGUAGES), level: random.pick(['B1', 'B2']) }] : []),
        ];
    const cohorts = random.weighted<CohortKey[]>([[['spring', 'autumn'], 45], [['spring'], 30], [['autumn'], 25]]);
    return {
      employer: employer.name,
      cohorts,
      registration: {
        name,
        email: people.email(name, employer.emailDomain),
        preferredLanguage: !international && random.chance(0.7) ? 'da' : 'en',
        occupation: role.occupation,
        industry: role.industry,
        yearsOfExperience: random.int(5, 30),
        languages,
        expertise: [...role.expertise, ...random.sample(MENTORING_TOPICS, random.int(2, 3))],
        capacity: random.weighted([[1, 30], [2, 45], [3, 25]]),
        availability: weeklyWindows(random, WORKDAYS, MENTOR_SLOTS, random.int(1, 3)),
        ...(random.chance(0.85) ? { municipality: random.pick(employer.municipalities) } : {}),
      },
    };
  });
}

/** One window on each of `count` different days, so no two overlap. */
function weeklyWindows(random: SeededRandom, days: readonly Weekday[], slots: ReadonlyArray<readonly [string, string]>, count: number): AvailabilityWindow[] {
  return random
    .sample(days, count)
    .sort((a, b) => days.indexOf(a) - days.indexOf(b))
    .map((day) => {
      const [start, end] = random.pick(slots);
      return { day, start, end };
    });
}

/** '+45 26' numbers: a Danish mobile range libphonenumber accepts, so `@IsPhoneNumber` does too. */
function danishMobile(random: SeededRandom): string {
  return `+4526${String(random.int(0, 999_999)).padStart(6, '0')}`;
}

function cityName(municipality: string): string {
  if (municipality === '101') return 'Copenhagen';
  return DANISH_MUNICIPALITY_BY_CODE.get(municipality)?.name ?? 'Denmark';
}

function shortName(organisation: string): string {
  return organisation.split(' – ')[0];
}

/** Hands out names and email addresses no one else in the demo has. */
class PeopleNames {
  private readonly names = new Set<string>();
  private readonly emails = new Set<string>();

  unique(draw: () => string): string {
    for (let attempt = 0; attempt < 50; attempt++) {
      const name = draw();
      if (!this.names.has(name)) {
        this.names.add(name);
        return name;
      }
    }
    throw new Error('ran out of distinct names: add names to the demo catalogue');
  }

  email(name: string, domain: string): string {
    const local = asciiSlug(name);
    for (let suffix = 1; ; suffix++) {
      const email = `${local}${suffix === 1 ? '' : suffix}@${domain}`;
      if (!this.emails.has(email)) {
        this.emails.add(email);
        return email;
      }
    }
  }
}

const TRANSLITERATIONS: Record<string, string> = { ø: 'oe', æ: 'ae', å: 'aa', ł: 'l', ı: 'i', ß: 'ss' };

function asciiSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[øæåłıß]/g, (letter) => TRANSLITERATIONS[letter])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}
