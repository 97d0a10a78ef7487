import { daysBetween, IsoDate } from '@cmp/kernel';
import { mean, median, netPromoterScore, Share, shareOf } from './kpi-arithmetic';
import { daysToFirstJob, OutcomeStatement, SixMonthStatus, statusWithinSixMonths } from './six-month-status';

/**
 * One mentee who took part: placed in the cohort and not withdrawn before the mentorship began.
 * Identified only by a pseudonymous key, so the numbers survive the person's erasure.
 */
export interface ParticipantFacts {
  readonly key: string;
  /** Set when the four-month programme was completed. */
  readonly completedOn: IsoDate | null;
  readonly statements: readonly OutcomeStatement[];
}

export interface PairFacts {
  /** Sessions the pair held; null when scheduling has not reported any. */
  readonly sessionsHeld: number | null;
}

export interface SurveyScores {
  /** Likert 1–5 answers to "how satisfied are you with the programme", by role. */
  readonly menteeSatisfaction: readonly number[];
  readonly mentorSatisfaction: readonly number[];
  /** 0–10 answers to "how likely are you to recommend the programme". */
  readonly recommendation: readonly number[];
}

export interface MentorFacts {
  /** Mentors (pseudonymous keys) who had a mentorship in the cohort. */
  readonly mentors: readonly string[];
  /** Mentors of the next cohort, or null when there is no next cohort yet. */
  readonly nextCohortMentors: readonly string[] | null;
}

export interface KpiInput {
  readonly participants: readonly ParticipantFacts[];
  readonly pairs: readonly PairFacts[];
  readonly scores: SurveyScores;
  readonly mentors: MentorFacts;
}

/** An outcome category counted over all completers and over those whose status is known. */
export interface OutcomeShare {
  readonly count: number;
  /** Share of all completers (the no-answers count in the denominator): the headline figure. */
  readonly ofCompleted: Share;
  /** Share of completers with a known status (no-answers left out); null for `noAnswer`. */
  readonly ofAnswered: Share | null;
}

export const OUTCOME_CATEGORIES = ['employed', 'internship', 'own-company', 'in-education', 'unemployed', 'left-denmark', 'no-answer'] as const satisfies readonly SixMonthStatus[];

export interface CohortKpis {
  readonly participants: number;
  readonly completed: number;
  readonly completionRate: Share;
  /** The headline: completers employed within six months of completing. */
  readonly employedWithinSixMonths: Share;
  /** Each completer counted once, by `statusWithinSixMonths`. */
  readonly outcomes: Record<SixMonthStatus, OutcomeShare>;
  /** Median days from completion to the first job, over completers who reported one. */
  readonly medianDaysToFirstJob: number | null;
  readonly sessionsPerPair: { readonly pairs: number; readonly mean: number | null; readonly median: number | null };
  readonly satisfaction: {
    readonly mentee: { readonly responses: number; readonly mean: number | null };
    readonly mentor: { readonly responses: number; readonly mean: number | null };
  };
  readonly recommendation: { readonly responses: number; readonly mean: number | null; readonly netPromoterScore: number | null };
  readonly mentors: { readonly count: number; readonly retainedIntoNextCohort: Share | null };
}

export function hasCompleted(participant: ParticipantFacts): participant is ParticipantFacts & { readonly completedOn: IsoDate } {
  return participant.completedOn !== null;
}

/** The programme's KPIs from anonymous facts. Pure: the same facts always give the same report. */
export function computeKpis(input: KpiInput): CohortKpis {
  const completers = input.participants.filter(hasCompleted);
  const statuses = completers.map((participant) => statusWithinSixMonths(participant.completedOn, participant.statements));
  const counts = Object.fromEntries(OUTCOME_CATEGORIES.map((category) => [category, statuses.filter((status) => status === category).length])) as Record<
    SixMonthStatus,
    number
  >;
  const answered = completers.length - counts['no-answer'];
  const outcomes = Object.fromEntries(
    OUTCOME_CATEGORIES.map((category) => [
      category,
      {
        count: counts[category],
        ofCompleted: shareOf(counts[category], completers.length),
        ofAnswered: category === 'no-answer' ? null : shareOf(counts[category], answered),
      },
    ]),
  ) as Record<SixMonthStatus, OutcomeShare>;
  const jobDelays = completers
    .map((participant) => daysToFirstJob(participant.completedOn, participant.statements, daysBetween))
    .filter((days): days is number => days !== null);
  const sessions = input.pairs.map((pair) => pair.sessionsHeld).filter((held): held is number => held !== null);
  const mentors = [...new Set(input.mentors.mentors)];
  const next = input.mentors.nextCohortMentors === null ? null : new Set(input.mentors.nextCohortMentors);
  return {
    participants: input.participants.length,
    completed: completers.length,
    completionRate: shareOf(completers.length, input.participants.length),
    employedWithinSixMonths: outcomes.employed.ofCompleted,
    outcomes,
    medianDaysToFirstJob: median(jobDelays),
    sessionsPerPair: { pairs: sessions.length, mean: mean(sessions), median: median(sessions) },
    satisfaction: {
      mentee: { responses: input.scores.menteeSatisfaction.length, mean: mean(input.scores.menteeSatisfaction) },
      mentor: { responses: input.scores.mentorSatisfaction.length, mean: mean(input.scores.mentorSatisfaction) },
    },
    recommendation: {
      responses: input.scores.recommendation.length,
      mean: mean(input.scores.recommendation),
      netPromoterScore: netPromoterScore(input.scores.recommendation),
    },
    mentors: {
      count: mentors.length,
      retainedIntoNextCohort: next === null ? null : shareOf(mentors.filter((mentor) => next.has(mentor)).length, mentors.length),
    },
  };
}

/** Facts of several cohorts taken together, for the across-cohorts report. */
export function combineInputs(inputs: readonly KpiInput[]): KpiInput {
  const withNext = inputs.filter((input) => input.mentors.nextCohortMentors !== null);
  return {
    participants: inputs.flatMap((input) => input.participants),
    pairs: inputs.flatMap((input) => input.pairs),
    scores: {
      menteeSatisfaction: inputs.flatMap((input) => input.scores.menteeSatisfaction),
      mentorSatisfaction: inputs.flatMap((input) => input.scores.mentorSatisfaction),
      recommendation: inputs.flatMap((input) => input.scores.recommendation),
    },
    // Retention across cohorts counts each cohort's mentors against its own next cohort; a
    // mentor who served in several cohorts counts once per cohort, hence the cohort-scoped keys.
    mentors: {
      mentors: withNext.flatMap((input, index) => input.mentors.mentors.map((mentor) => `${index}:${mentor}`)),
      nextCohortMentors: withNext.length === 0 ? null : withNext.flatMap((input, index) => (input.mentors.nextCohortMentors ?? []).map((mentor) => `${index}:${mentor}`)),
    },
  };
}
