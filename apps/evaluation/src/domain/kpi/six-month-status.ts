import type { OutcomeStatus } from '@cmp/contracts';
import { addMonths, IsoDate } from '@cmp/kernel';

/** What a person reported (or a coordinator learnt) at one point in time. */
export interface OutcomeStatement {
  readonly status: OutcomeStatus;
  /** When the job, internship, company or education started, if it has a start. */
  readonly startedOn?: IsoDate | null;
  /** The day the status was reported or learnt. */
  readonly reportedOn: IsoDate;
}

/** A completer's situation six months after completing, as the KPI report counts it. */
export type SixMonthStatus = OutcomeStatus;

/** The last day that still counts as "within six months of completion" (inclusive). */
export function sixMonthCutoff(completedOn: IsoDate): IsoDate {
  return addMonths(completedOn, 6);
}

/**
 * The status "within six months of completion", derived from dates, never from which survey was
 * answered:
 *
 * 1. `no-answer` statements carry no information and are ignored.
 * 2. **Employed** if any employment statement started (its `startedOn`, else the day it was
 *    reported) on or before completion + 6 months — a job found during the programme counts.
 * 3. Otherwise the status that held at the cutoff: the statement that started (or was
 *    reported) last on or before the cutoff.
 * 4. If everything was reported after the cutoff, the earliest such report speaks for the
 *    six-month mark — unless it names a start after the cutoff, in which case the person was not
 *    yet in it and counts as **unemployed** (the reference evaluation's "still unemployed").
 * 5. Nothing known: **no-answer**.
 */
export function statusWithinSixMonths(completedOn: IsoDate, statements: readonly OutcomeStatement[]): SixMonthStatus {
  const cutoff = sixMonthCutoff(completedOn);
  const known = statements.filter((statement) => statement.status !== 'no-answer');
  const since = (statement: OutcomeStatement) => statement.startedOn ?? statement.reportedOn;
  if (known.some((statement) => statement.status === 'employed' && since(statement) <= cutoff)) return 'employed';
  const byCutoff = known.filter((statement) => since(statement) <= cutoff);
  if (byCutoff.length > 0) {
    const latest = byCutoff.reduce((best, statement) => (compare(since(statement), since(best)) || compare(statement.reportedOn, best.reportedOn)) >= 0 ? statement : best);
    return latest.status;
  }
  if (known.length === 0) return 'no-answer';
  const earliest = [...known].sort((a, b) => compare(a.reportedOn, b.reportedOn))[0];
  return earliest.startedOn && earliest.startedOn > cutoff ? 'unemployed' : earliest.status;
}

/** Days from completion to the first job start; a job found during the programme counts as 0. */
export function daysToFirstJob(completedOn: IsoDate, statements: readonly OutcomeStatement[], daysBetween: (from: IsoDate, to: IsoDate) => number): number | null {
  const starts = statements.filter((statement) => statement.status === 'employed').map((statement) => statement.startedOn ?? statement.reportedOn);
  if (starts.length === 0) return null;
  const first = [...starts].sort()[0];
  return Math.max(0, daysBetween(completedOn, first));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
