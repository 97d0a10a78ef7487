import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { SurveySlug } from '../../domain/surveys/standard-surveys';
import type { SurveyQuestion } from '../../domain/surveys/survey-question';

/** One version of a survey's questions; a version, once published, never changes. */
export interface SurveyVersion {
  readonly id: string;
  readonly slug: string;
  readonly version: number;
  readonly title: string;
  readonly questions: SurveyQuestion[];
  readonly createdAt: Date;
  readonly createdBy: string;
}

export abstract class SurveyRepository {
  /** Adds the version unless the survey already has one with its number. */
  abstract addIfNew(tx: Transaction, survey: SurveyVersion): Promise<void>;
  abstract add(tx: Transaction, survey: SurveyVersion): Promise<void>;
  /** Holds off other transactions publishing the same survey until this one ends. */
  abstract lockSeries(tx: Transaction, slug: SurveySlug): Promise<void>;
  abstract latest(tx: ReadTransaction, slug: string): Promise<SurveyVersion | null>;
  abstract byId(tx: ReadTransaction, id: string): Promise<SurveyVersion>;
  /** The latest version of every survey, by slug. */
  abstract latestOfEach(tx: ReadTransaction): Promise<SurveyVersion[]>;
  /** Every version of the survey, oldest first. */
  abstract versions(tx: ReadTransaction, slug: string): Promise<SurveyVersion[]>;
}
