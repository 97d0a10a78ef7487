import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CohortReportPublished } from '@cmp/contracts';
import { UnitOfWork } from '@cmp/kernel';
import { NotFound } from '../../domain/evaluation-error';
import { CohortKpis, computeKpis } from '../../domain/kpi/cohort-kpis';
import { ReportRepository } from './report.repository';

export interface PublishedReportReceipt {
  readonly reportId: string;
  readonly publishedAt: Date;
  readonly kpis: CohortKpis;
}

@Injectable()
export class ReportCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reports: ReportRepository,
  ) {}

  /** Publishes the cohort's current figures as `CohortReportPublished` and keeps the snapshot. */
  publish(actor: string, cohortId: string): Promise<PublishedReportReceipt> {
    return this.unitOfWork.run(actor, async (tx) => {
      if (!(await this.reports.cohorts(tx)).some((cohort) => cohort.id === cohortId)) throw new NotFound('cohort', cohortId);
      const kpis = computeKpis(await this.reports.kpiInput(tx, cohortId));
      const reportId = randomUUID();
      const publishedAt = tx.now;
      await this.reports.addPublished(tx, { id: reportId, cohortId, kpis, publishedAt, publishedBy: actor });
      const employed = kpis.employedWithinSixMonths.percent;
      const unemployed = kpis.outcomes.unemployed.ofCompleted.percent;
      tx.emit({
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
      return { reportId, publishedAt, kpis };
    });
  }
}
