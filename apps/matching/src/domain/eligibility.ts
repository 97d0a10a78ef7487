import { cefrRank, CefrLevel } from '@cmp/contracts';
import { CohortRules, MenteeCandidate, MentorCandidate } from './candidate';

/** Why a pair may not be proposed. */
export type IneligibilityReason =
  | 'mentor-not-active'
  | 'mentor-not-in-cohort'
  | 'mentor-at-capacity'
  | 'no-shared-language-at-b2'
  | 'conflict-of-interest'
  | 'rejected-by-coordinator';

const B2 = cefrRank('B2');

/** The hard constraints: a pair that breaks one is never proposed, whatever its score. */
export function ineligibility(
  mentee: MenteeCandidate,
  mentor: MentorCandidate,
  cohort: CohortRules,
  forbidden: (menteeId: string, mentorId: string) => boolean,
): IneligibilityReason[] {
  const reasons: IneligibilityReason[] = [];
  if (mentor.status !== 'active') reasons.push('mentor-not-active');
  if (!mentor.profile.cohortIds.includes(cohort.cohortId)) reasons.push('mentor-not-in-cohort');
  if (mentor.activeMentees >= mentor.profile.capacity) reasons.push('mentor-at-capacity');
  if (!sharesLanguageAtB2(mentee, mentor)) reasons.push('no-shared-language-at-b2');
  if (cohort.excludeMentorsFromReferringOrganisation && mentee.referringOrganisationId === mentor.profile.employerOrganisationId) {
    reasons.push('conflict-of-interest');
  }
  if (forbidden(mentee.id, mentor.id)) reasons.push('rejected-by-coordinator');
  return reasons;
}

function sharesLanguageAtB2(mentee: MenteeCandidate, mentor: MentorCandidate): boolean {
  return mentee.profile.languages.some((spoken) => {
    if (cefrRank(spoken.level as CefrLevel) < B2) return false;
    const theirs = mentor.profile.languages.find((candidate) => candidate.language === spoken.language);
    return theirs !== undefined && cefrRank(theirs.level as CefrLevel) >= B2;
  });
}

/** For a mentee with no eligible mentor: how many mentors each reason ruled out. */
export function summariseReasons(perMentor: IneligibilityReason[][]): Partial<Record<IneligibilityReason, number>> {
  const counts: Partial<Record<IneligibilityReason, number>> = {};
  for (const reasons of perMentor) for (const reason of reasons) counts[reason] = (counts[reason] ?? 0) + 1;
  return counts;
}
