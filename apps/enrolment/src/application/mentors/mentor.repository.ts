import type { AvailabilityWindow, LanguageSkill, MessageLanguage } from '@cmp/contracts';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { MentorStatus } from '../../domain/mentor-availability';
import type { Page, PageRequest } from '../page';

export interface Mentor {
  readonly id: string;
  name: string | null;
  email: string | null;
  readonly preferredLanguage: MessageLanguage;
  readonly employerOrganisationId: string;
  occupation: string;
  industry: string;
  yearsOfExperience: number;
  languages: LanguageSkill[];
  expertise: string[];
  capacity: number;
  availability: AvailabilityWindow[];
  cohortIds: string[];
  municipality: string | null;
  status: MentorStatus;
  readonly createdAt: Date;
  erasedAt: Date | null;
}

export interface MentorFilter {
  readonly status?: string;
  readonly employerOrganisationId?: string;
}

export abstract class MentorRepository {
  abstract find(tx: ReadTransaction, mentorId: string): Promise<Mentor | null>;
  abstract lock(tx: Transaction, mentorId: string): Promise<Mentor | null>;
  abstract exists(tx: ReadTransaction, mentorId: string): Promise<boolean>;
  abstract insert(tx: Transaction, mentor: Omit<Mentor, 'createdAt'>): Promise<Mentor>;
  abstract save(tx: Transaction, mentor: Mentor): Promise<void>;
  /** Clears every personal field; the mentor counts as withdrawn. */
  abstract erase(tx: Transaction, mentorId: string, at: Date): Promise<void>;
  /** Never an erased mentor; oldest registration first. */
  abstract page(tx: ReadTransaction, page: PageRequest, filter: MentorFilter): Promise<Page<Mentor>>;
}
