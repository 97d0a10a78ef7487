import type { MenteeProfile, MentorProfile } from '@cmp/contracts';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { MenteeCandidate, MentorCandidate } from '../../domain/candidate';

export type MenteeStatus = 'placed' | 'withdrawn' | 'erased';
export type MentorStatus = MentorCandidate['status'];

/** A mentor with a profile, before their ongoing mentorships are counted. */
export type MentorOnRecord = Omit<MentorCandidate, 'activeMentees'>;

/** A pair a coordinator rejected: never proposed again in the cohort. */
export interface ForbiddenPair {
  readonly cohortId: string;
  readonly menteeId: string;
  readonly mentorId: string;
}

/** The candidate read model built from enrolment's events: mentees, mentors, and forbidden pairs. */
export abstract class CandidateRepository {
  abstract placeMentee(
    tx: Transaction,
    mentee: { readonly id: string; readonly cohortId: string; readonly referringOrganisationId: string | null; readonly profile: MenteeProfile },
  ): Promise<void>;
  abstract setMenteeStatus(tx: Transaction, menteeId: string, status: MenteeStatus): Promise<void>;
  /** Keeps the id, drops the profile facts. */
  abstract eraseMentee(tx: Transaction, menteeId: string): Promise<void>;

  abstract mentorStatus(tx: ReadTransaction, mentorId: string): Promise<MentorStatus | null>;
  abstract saveMentor(tx: Transaction, mentor: { readonly id: string; readonly profile: MentorProfile; readonly status: MentorStatus }): Promise<void>;
  /** With `from`, only a mentor in that status changes. */
  abstract setMentorStatus(tx: Transaction, mentorId: string, status: MentorStatus, from?: MentorStatus): Promise<void>;
  /** Keeps the id, drops the profile facts; the mentor counts as withdrawn. */
  abstract eraseMentor(tx: Transaction, mentorId: string): Promise<void>;

  /** Placed mentees of the cohort that have a profile, by id. */
  abstract placedMentees(tx: ReadTransaction, cohortId: string): Promise<MenteeCandidate[]>;
  /** Mentors that have a profile, by id. */
  abstract mentorsOnRecord(tx: ReadTransaction): Promise<MentorOnRecord[]>;

  /** `pairKey(menteeId, mentorId)` of the cohort's forbidden pairs. */
  abstract forbiddenPairs(tx: ReadTransaction, cohortId: string): Promise<Set<string>>;
  abstract isForbidden(tx: ReadTransaction, pair: ForbiddenPair): Promise<boolean>;
  abstract forbid(tx: Transaction, pair: ForbiddenPair): Promise<void>;
}
