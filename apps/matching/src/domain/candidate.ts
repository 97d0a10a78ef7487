import type { MenteeProfile, MentorProfile } from '@cmp/contracts';

/** What matching knows of a placed mentee (from enrolment's events; no contact details). */
export interface MenteeCandidate {
  readonly id: string;
  readonly referringOrganisationId: string | null;
  readonly profile: MenteeProfile;
}

/** What matching knows of a mentor, and how many mentees they already mentor. */
export interface MentorCandidate {
  readonly id: string;
  readonly status: 'active' | 'paused' | 'withdrawn';
  readonly profile: MentorProfile;
  /** Confirmed, ongoing mentorships (in any cohort): capacity is about concurrent mentees. */
  readonly activeMentees: number;
}

export interface CohortRules {
  readonly cohortId: string;
  /** No pair where the mentor works for the organisation that referred the mentee. */
  readonly excludeMentorsFromReferringOrganisation: boolean;
}
