import { Injectable } from '@nestjs/common';
import { ReadTransaction, Transaction } from '@cmp/kernel';
import { CohortSummary, PublishedReport, ReportRepository } from '../../application/reports/report.repository';
import { KpiInput, ParticipantFacts } from '../../domain/kpi/cohort-kpis';
import { OutcomeStatement } from '../../domain/kpi/six-month-status';
import { entityManagerOf } from '@cmp/messaging';

/**
 * Reads across the programme's tables (cohorts, participants, mentorships, outcomes, responses)
 * for the KPI arithmetic, and owns `published_reports`.
 */
@Injectable()
export class TypeOrmReportRepository extends ReportRepository {
  cohorts(tx: ReadTransaction): Promise<CohortSummary[]> {
    return entityManagerOf(tx).query(
      `SELECT ids.cohort_id AS id, c.name, to_char(c.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(c.ends_on, 'YYYY-MM-DD') AS "endsOn"
       FROM (SELECT id AS cohort_id FROM cohorts UNION SELECT cohort_id FROM participants) ids
       LEFT JOIN cohorts c ON c.id = ids.cohort_id
       ORDER BY c.starts_on NULLS LAST, ids.cohort_id`,
    );
  }

  async participants(tx: ReadTransaction, cohortId: string, only?: { referringOrganisationId: string }): Promise<ParticipantFacts[]> {
    const manager = entityManagerOf(tx);
    const rows: { key: string; completed_on: string | null }[] = await manager.query(
      `SELECT pa.person_key AS key, to_char(pa.completed_on, 'YYYY-MM-DD') AS completed_on
       FROM participants pa JOIN people pe ON pe.key = pa.person_key
       WHERE pa.cohort_id = $1 AND (pa.placed OR pa.matched) AND (NOT pa.withdrawn OR pa.matched)
         AND ($2::uuid IS NULL OR (pa.referring_organisation_id = $2 AND pe.share_outcomes_consent AND pe.person_id IS NOT NULL))
       ORDER BY pa.person_key`,
      [cohortId, only?.referringOrganisationId ?? null],
    );
    const outcomes: { key: string; status: OutcomeStatement['status']; started_on: string | null; reported_on: string }[] = await manager.query(
      `SELECT person_key AS key, status, to_char(started_on, 'YYYY-MM-DD') AS started_on, to_char(reported_on, 'YYYY-MM-DD') AS reported_on
       FROM outcomes WHERE cohort_id = $1`,
      [cohortId],
    );
    const byKey = new Map<string, OutcomeStatement[]>();
    for (const outcome of outcomes) {
      byKey.set(outcome.key, [...(byKey.get(outcome.key) ?? []), { status: outcome.status, startedOn: outcome.started_on, reportedOn: outcome.reported_on }]);
    }
    return rows.map((row) => ({ key: row.key, completedOn: row.completed_on, statements: byKey.get(row.key) ?? [] }));
  }

  async kpiInput(tx: ReadTransaction, cohortId: string): Promise<KpiInput> {
    const manager = entityManagerOf(tx);
    const participants = await this.participants(tx, cohortId);
    // Sessions per pair counts the pairs that completed the programme.
    const pairs: { sessions_held: number | null }[] = await manager.query(`SELECT sessions_held FROM mentorships WHERE cohort_id = $1 AND status = 'completed'`, [cohortId]);
    const scores: { role: string; satisfaction: number | null; recommendation: number | null }[] = await manager.query(
      `SELECT role, satisfaction, recommendation FROM responses WHERE cohort_id = $1 AND kind = 'end-of-programme'`,
      [cohortId],
    );
    const numbers = (values: (number | null)[]) => values.filter((value): value is number => value !== null);
    const [next] = await manager.query(
      `SELECT n.id FROM cohorts c JOIN cohorts n ON n.starts_on > c.starts_on WHERE c.id = $1 ORDER BY n.starts_on LIMIT 1`,
      [cohortId],
    );
    return {
      participants,
      pairs: pairs.map((pair) => ({ sessionsHeld: pair.sessions_held })),
      scores: {
        menteeSatisfaction: numbers(scores.filter((score) => score.role === 'mentee').map((score) => score.satisfaction)),
        mentorSatisfaction: numbers(scores.filter((score) => score.role === 'mentor').map((score) => score.satisfaction)),
        recommendation: numbers(scores.map((score) => score.recommendation)),
      },
      mentors: {
        mentors: await this.mentorsOf(tx, cohortId),
        nextCohortMentors: next ? await this.mentorsOf(tx, next.id) : null,
      },
    };
  }

  async addPublished(tx: Transaction, report: PublishedReport): Promise<void> {
    await entityManagerOf(tx).query(`INSERT INTO published_reports (id, cohort_id, kpis, published_at, published_by) VALUES ($1, $2, $3::jsonb, $4, $5)`, [
      report.id,
      report.cohortId,
      JSON.stringify(report.kpis),
      report.publishedAt,
      report.publishedBy,
    ]);
  }

  private async mentorsOf(tx: ReadTransaction, cohortId: string): Promise<string[]> {
    const rows: { mentor_key: string }[] = await entityManagerOf(tx).query(`SELECT DISTINCT mentor_key FROM mentorships WHERE cohort_id = $1`, [cohortId]);
    return rows.map((row) => row.mentor_key);
  }
}
