import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { NotFound } from '../../domain/evaluation-error';
import { CohortKpis, combineInputs, computeKpis } from '../../domain/kpi/cohort-kpis';
import { MIN_CELL_SIZE, PartnerAggregates, partnerAggregates } from '../../domain/kpi/partner-aggregates';
import { CohortSummary, ReportRepository } from './report.repository';

export const ROUNDING_RULE = 'Percentages are rounded half-up to whole percent (16/28 = 57.14 % → 57 %); ratios carry four decimals.';

export interface CohortReport {
  readonly cohort: CohortSummary;
  readonly kpis: CohortKpis;
}

export interface ProgrammeReport {
  readonly roundingRule: string;
  readonly cohorts: CohortReport[];
  /** All listed cohorts taken together (each participant counted once, in their cohort). */
  readonly total: CohortKpis;
}

export interface PartnerReport {
  readonly organisationId: string;
  readonly minimumCellSize: number;
  readonly cohorts: { cohort: CohortSummary; aggregates: PartnerAggregates }[];
  readonly total: PartnerAggregates;
}

@Injectable()
export class ReportQueries {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reports: ReportRepository,
  ) {}

  cohortReport(cohortId: string): Promise<CohortReport & { roundingRule: string }> {
    return this.unitOfWork.read(async (tx) => {
      const cohort = (await this.reports.cohorts(tx)).find((candidate) => candidate.id === cohortId);
      if (!cohort) throw new NotFound('cohort', cohortId);
      return { roundingRule: ROUNDING_RULE, cohort, kpis: computeKpis(await this.reports.kpiInput(tx, cohortId)) };
    });
  }

  /** Every cohort (or the listed ones) and their total. */
  programmeReport(cohortIds?: string[]): Promise<ProgrammeReport> {
    return this.unitOfWork.read(async (tx) => {
      const cohorts = (await this.reports.cohorts(tx)).filter((cohort) => !cohortIds || cohortIds.includes(cohort.id));
      const missing = (cohortIds ?? []).filter((id) => !cohorts.some((cohort) => cohort.id === id));
      if (missing.length > 0) throw new NotFound('cohort', missing.join(', '));
      const inputs = await Promise.all(cohorts.map((cohort) => this.reports.kpiInput(tx, cohort.id)));
      return {
        roundingRule: ROUNDING_RULE,
        cohorts: cohorts.map((cohort, index) => ({ cohort, kpis: computeKpis(inputs[index]) })),
        total: computeKpis(combineInputs(inputs)),
      };
    });
  }

  /** One organisation's referred, consenting participants, per cohort and in total, small cells hidden. */
  partnerReport(organisationId: string): Promise<PartnerReport> {
    return this.unitOfWork.read(async (tx) => {
      const cohorts = await this.reports.cohorts(tx);
      const perCohort = await Promise.all(
        cohorts.map(async (cohort) => ({ cohort, participants: await this.reports.participants(tx, cohort.id, { referringOrganisationId: organisationId }) })),
      );
      // Every cohort is listed, empty or not, so the list itself says nothing about who was referred.
      return {
        organisationId,
        minimumCellSize: MIN_CELL_SIZE,
        cohorts: perCohort.map((entry) => ({ cohort: entry.cohort, aggregates: partnerAggregates(entry.participants) })),
        total: partnerAggregates(perCohort.flatMap((entry) => entry.participants)),
      };
    });
  }
}
