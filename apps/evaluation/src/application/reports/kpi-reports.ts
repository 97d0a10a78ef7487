import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CohortReportPublished } from '@cmp/contracts';
import { Outbox } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { notFound } from '../../domain/evaluation-error';
import { CohortKpis, combineInputs, computeKpis } from '../../domain/kpi/cohort-kpis';
import { MIN_CELL_SIZE, PartnerAggregates, partnerAggregates } from '../../domain/kpi/partner-aggregates';
import { CohortSummary, KpiFactsRepository } from './kpi-facts.repository';

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

@Injectable()
export class KpiReports {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: KpiFactsRepository,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async cohortReport(cohortId: string): Promise<CohortReport & { roundingRule: string }> {
    const manager = this.dataSource.manager;
    const cohort = await this.facts.cohort(manager, cohortId);
    if (!cohort) throw notFound('cohort', cohortId);
    return { roundingRule: ROUNDING_RULE, cohort, kpis: computeKpis(await this.facts.kpiInput(manager, cohortId)) };
  }

  /** Every cohort (or the listed ones) and their total. */
  async programmeReport(cohortIds?: string[]): Promise<ProgrammeReport> {
    const manager = this.dataSource.manager;
    const cohorts = (await this.facts.cohorts(manager)).filter((cohort) => !cohortIds || cohortIds.includes(cohort.id));
    const missing = (cohortIds ?? []).filter((id) => !cohorts.some((cohort) => cohort.id === id));
    if (missing.length > 0) throw notFound('cohort', missing.join(', '));
    const inputs = await Promise.all(cohorts.map((cohort) => this.facts.kpiInput(manager, cohort.id)));
    return {
      roundingRule: ROUNDING_RULE,
      cohorts: cohorts.map((cohort, index) => ({ cohort, kpis: computeKpis(inputs[index]) })),
      total: computeKpis(combineInputs(inputs)),
    };
  }

  /** Publishes the cohort's current figures as `CohortReportPublished` and keeps the snapshot. */
  publish(actor: string, cohortId: string): Promise<{ reportId: string; publishedAt: string; kpis: CohortKpis }> {
    return this.dataSource.transaction(async (manager) => {
      const cohort = await this.facts.cohort(manager, cohortId);
      if (!cohort) throw notFound('cohort', cohortId);
      const kpis = computeKpis(await this.facts.kpiInput(manager, cohortId));
      const reportId = randomUUID();
      const publishedAt = this.clock();
      await manager.query(`INSERT INTO published_reports (id, cohort_id, kpis, published_at, published_by) VALUES ($1, $2, $3::jsonb, $4, $5)`, [
        reportId,
        cohortId,
        JSON.stringify(kpis),
        publishedAt,
        actor,
      ]);
      const employed = kpis.employedWithinSixMonths.percent;
      const unemployed = kpis.outcomes.unemployed.ofCompleted.percent;
      await this.outbox.add(manager, {
        contract: CohortReportPublished,
        key: cohortId,
        data: {
          reportId,
          cohortId,
          participants: kpis.participants,
          completed: kpis.completed,
          // The published shares are the rounded percentages, so every reader shows the same 57 %.
          ...(employed !== null ? { employedWithinSixMonthsShare: employed / 100 } : {}),
          ...(unemployed !== null ? { stillUnemployedShare: unemployed / 100 } : {}),
          publishedAt: publishedAt.toISOString(),
        },
      });
      return { reportId, publishedAt: publishedAt.toISOString(), kpis };
    });
  }

  /** One organisation's referred, consenting participants, per cohort and in total, small cells hidden. */
  async partnerReport(organisationId: string): Promise<{ organisationId: string; minimumCellSize: number; cohorts: { cohort: CohortSummary; aggregates: PartnerAggregates }[]; total: PartnerAggregates }> {
    const manager = this.dataSource.manager;
    const cohorts = await this.facts.cohorts(manager);
    const perCohort = await Promise.all(
      cohorts.map(async (cohort) => ({ cohort, participants: await this.facts.participants(manager, cohort.id, { referringOrganisationId: organisationId }) })),
    );
    // Every cohort is listed, empty or not, so the list itself says nothing about who was referred.
    return {
      organisationId,
      minimumCellSize: MIN_CELL_SIZE,
      cohorts: perCohort.map((entry) => ({ cohort: entry.cohort, aggregates: partnerAggregates(entry.participants) })),
      total: partnerAggregates(perCohort.flatMap((entry) => entry.participants)),
    };
  }
}
