import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { ProgrammeRhythm } from '../../domain/programme-rhythm';

/**
 * A cohort as scheduling knows it: its dates (from enrolment's CohortScheduled) and the rhythm a
 * coordinator set for it. A coordinator may set the rhythm before the dates arrive.
 */
export interface Cohort {
  readonly id: string;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  readonly rhythm: ProgrammeRhythm | null;
}

export abstract class CohortRepository {
  abstract byId(tx: ReadTransaction, cohortId: string): Promise<Cohort | null>;
  /** Keeps any rhythm already set. */
  abstract recordDates(tx: Transaction, cohortId: string, startsOn: string, endsOn: string): Promise<Cohort>;
  /** Keeps any dates already known. */
  abstract setRhythm(tx: Transaction, cohortId: string, rhythm: ProgrammeRhythm): Promise<void>;
}
