import { percentHalfUp } from './kpi-arithmetic';
import { hasCompleted, OUTCOME_CATEGORIES, ParticipantFacts } from './cohort-kpis';
import { SixMonthStatus, statusWithinSixMonths } from './six-month-status';

/** Cells counting fewer people than this are hidden, so no partner can single anyone out. */
export const MIN_CELL_SIZE = 5;

/** A count a partner may see, or the fact that it was hidden. */
export type Cell = { readonly count: number; readonly percent: number | null; readonly suppressed: false } | { readonly count: null; readonly percent: null; readonly suppressed: true };

export interface PartnerAggregates {
  readonly participants: Cell;
  readonly completed: Cell;
  readonly outcomes: Record<SixMonthStatus, Cell>;
}

/**
 * Aggregates for one organisation's referred participants (the caller passes only those who
 * consented to share outcomes). Every cell under `MIN_CELL_SIZE` people — zero included, as the
 * brief asks — is suppressed, and so is its percentage: a share of a hidden count would reveal it.
 * The percentages of visible cells are of the completers, half-up to whole percent.
 */
export function partnerAggregates(participants: readonly ParticipantFacts[]): PartnerAggregates {
  const completers = participants.filter(hasCompleted);
  const statuses = completers.map((participant) => statusWithinSixMonths(participant.completedOn, participant.statements));
  const completedCell = cell(completers.length, null);
  const outcomes = Object.fromEntries(
    OUTCOME_CATEGORIES.map((category) => {
      const count = statuses.filter((status) => status === category).length;
      return [category, cell(count, completedCell.suppressed ? null : percentHalfUp(count, completers.length))];
    }),
  ) as Record<SixMonthStatus, Cell>;
  suppressComplement(outcomes);
  return { participants: cell(participants.length, null), completed: completedCell, outcomes };
}

function cell(count: number, percent: number | null): Cell {
  return count < MIN_CELL_SIZE ? { count: null, percent: null, suppressed: true } : { count, percent, suppressed: false };
}

/**
 * With the completers' total shown, one hidden category could be worked out by subtraction, so
 * when exactly one is hidden the smallest visible one is hidden with it.
 */
function suppressComplement(outcomes: Record<SixMonthStatus, Cell>): void {
  const categories = Object.keys(outcomes) as SixMonthStatus[];
  if (categories.filter((category) => outcomes[category].suppressed).length !== 1) return;
  const visible = categories.filter((category) => !outcomes[category].suppressed).sort((a, b) => (outcomes[a].count ?? 0) - (outcomes[b].count ?? 0));
  if (visible.length > 0) outcomes[visible[0]] = { count: null, percent: null, suppressed: true };
}
