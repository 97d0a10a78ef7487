import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { WeeklyWindow } from '../../domain/availability';

/** Each mentee's and mentor's weekly availability (Copenhagen local time), as enrolment last said. */
export abstract class AvailabilityRepository {
  /** `null` when enrolment has not told scheduling about the person. */
  abstract windowsOf(tx: ReadTransaction, personId: string): Promise<WeeklyWindow[] | null>;
  abstract save(tx: Transaction, personId: string, role: 'mentee' | 'mentor', windows: readonly WeeklyWindow[]): Promise<void>;
  abstract erase(tx: Transaction, personId: string): Promise<void>;
}
