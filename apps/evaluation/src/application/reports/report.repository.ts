import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { CohortKpis, KpiInput, ParticipantFacts } from '../../domain/kpi/cohort-kpis';

export interface CohortSummary {
  readonly id: string;
  readonly name: string | null;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
}

export interface PublishedReport {
  readonly id: string;
  readonly cohortId: string;
  readonly kpis: CohortKpis;
  readonly publishedAt: Date;
  readonly publishedBy: string;
}

/**
 * The anonymous facts the KPI arithmetic needs, and the snapshots of published reports. Nothing
 * read here goes through a person id (except the partner view's consent check), which is why
 * erasure cannot change a report.
 */
export abstract class ReportRepository {
  /** Known cohorts in programme order; cohorts seen only through other services' events sort last. */
  abstract cohorts(tx: ReadTransaction): Promise<CohortSummary[]>;
  /**
   * Participants: mentees placed in the cohort (or matched in it), except those who withdrew
   * before their mentorship began — they never took part. With `only`, just those the
   * organisation referred who consented to share their outcomes with it and are not erased.
   */
  abstract participants(tx: ReadTransaction, cohortId: string, only?: { referringOrganisationId: string }): Promise<ParticipantFacts[]>;
  abstract kpiInput(tx: ReadTransaction, cohortId: string): Promise<KpiInput>;
  abstract addPublished(tx: Transaction, report: PublishedReport): Promise<void>;
}
