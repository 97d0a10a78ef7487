import type { AvailabilityWindow, Education, LanguageSkill, MenteePreferences, MessageLanguage } from '@cmp/contracts';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { MenteeStatus } from '../../domain/mentee-lifecycle';
import type { Page, PageRequest } from '../page';

/** Personal fields are nullable: erasure clears them and keeps the anonymous rest for statistics. */
export interface Mentee {
  readonly id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  readonly preferredLanguage: MessageLanguage;
  countryOfOrigin: string | null;
  municipality: string | null;
  readonly languages: LanguageSkill[];
  education: Education | null;
  readonly yearsOfExperience: number;
  lastOccupation: string | null;
  readonly targetOccupations: string[];
  readonly targetIndustries: string[];
  skills: string[];
  availability: AvailabilityWindow[];
  readonly preferences: MenteePreferences;
  motivation: string | null;
  readonly cohortId: string;
  readonly referralId: string | null;
  readonly referringOrganisationId: string | null;
  status: MenteeStatus;
  statusReason: string | null;
  readonly appliedAt: Date;
  placedAt: Date | null;
  erasedAt: Date | null;
}

export interface MenteeFilter {
  readonly status?: string;
  readonly cohortId?: string;
  readonly referringOrganisationId?: string;
}

export abstract class MenteeRepository {
  abstract find(tx: ReadTransaction, menteeId: string): Promise<Mentee | null>;
  abstract lock(tx: Transaction, menteeId: string): Promise<Mentee | null>;
  abstract exists(tx: ReadTransaction, menteeId: string): Promise<boolean>;
  abstract hasOpenApplication(tx: ReadTransaction, email: string): Promise<boolean>;
  abstract insert(tx: Transaction, mentee: Mentee): Promise<void>;
  abstract save(tx: Transaction, mentee: Mentee): Promise<void>;
  /** Mentees holding one of the cohort's places. */
  abstract countHoldingPlaces(tx: ReadTransaction, cohortId: string): Promise<number>;
  /** The cohort's first `take` waitlisted mentees, oldest application first, locked. */
  abstract lockFirstWaitlisted(tx: Transaction, cohortId: string, take: number): Promise<Mentee[]>;
  /** 1 for the first in line. */
  abstract waitlistPosition(tx: ReadTransaction, mentee: Mentee): Promise<number>;
  /** Clears every personal field; the anonymous rest stays for the statistics. */
  abstract erase(tx: Transaction, menteeId: string, at: Date): Promise<void>;
  /** Never an erased mentee; oldest application first. */
  abstract page(tx: ReadTransaction, page: PageRequest, filter: MenteeFilter): Promise<Page<Mentee>>;
}
