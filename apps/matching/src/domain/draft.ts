import type { AssignmentProblem } from '@cmp/matching-engine';
import { CohortRules, MenteeCandidate, MentorCandidate } from './candidate';
import { IneligibilityReason, ineligibility, summariseReasons } from './eligibility';
import { PairScore, scorePair, ScoringWeights } from './scoring';

export interface DraftInput {
  readonly cohort: CohortRules;
  readonly mentees: readonly MenteeCandidate[];
  readonly mentors: readonly MentorCandidate[];
  /** `${menteeId}:${mentorId}` of pairs a coordinator rejected. */
  readonly forbidden: ReadonlySet<string>;
  readonly weights: ScoringWeights;
  /** Places a mentor has promised elsewhere (open proposals kept outside this draft). */
  readonly promised?: ReadonlyMap<string, number>;
}

export interface PreparedDraft {
  readonly problem: AssignmentProblem;
  readonly scores: ReadonlyMap<string, PairScore>;
  /** Mentees no mentor may take, with how many mentors each hard constraint ruled out. */
  readonly withoutEligibleMentor: ReadonlyMap<string, Partial<Record<IneligibilityReason, number>>>;
}

export const pairKey = (menteeId: string, mentorId: string) => `${menteeId}:${mentorId}`;

/** Scores every eligible pair and states the assignment problem: the expensive, pure part of a run. */
export function prepareDraft(input: DraftInput): PreparedDraft {
  const scores = new Map<string, PairScore>();
  const pairs: { menteeId: string; mentorId: string; score: number }[] = [];
  const withoutEligibleMentor = new Map<string, Partial<Record<IneligibilityReason, number>>>();
  // A place promised to someone outside this draft counts as taken.
  const available: MentorCandidate[] = input.mentors.map((mentor) => ({
    ...mentor,
    activeMentees: mentor.activeMentees + (input.promised?.get(mentor.id) ?? 0),
  }));
  const remaining = (mentor: MentorCandidate) => mentor.profile.capacity - mentor.activeMentees;
  for (const mentee of input.mentees) {
    const refusals: IneligibilityReason[][] = [];
    for (const mentor of available) {
      const reasons = ineligibility(mentee, mentor, input.cohort, (menteeId, mentorId) => input.forbidden.has(pairKey(menteeId, mentorId)));
      if (reasons.length > 0) {
        refusals.push(reasons);
        continue;
      }
      const scored = scorePair(mentee, mentor, input.weights);
      scores.set(pairKey(mentee.id, mentor.id), scored);
      pairs.push({ menteeId: mentee.id, mentorId: mentor.id, score: scored.score });
    }
    if (refusals.length === available.length) withoutEligibleMentor.set(mentee.id, summariseReasons(refusals));
  }
  return {
    problem: {
      mentees: input.mentees.map(({ id }) => ({ id })),
      mentors: available.filter((mentor) => remaining(mentor) > 0).map((mentor) => ({ id: mentor.id, capacity: remaining(mentor) })),
      pairs,
    },
    scores,
    withoutEligibleMentor,
  };
}
