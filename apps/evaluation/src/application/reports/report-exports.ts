import { stringify } from 'csv-stringify/sync';
import { CohortKpis, OUTCOME_CATEGORIES } from '../../domain/kpi/cohort-kpis';
import { SixMonthStatus } from '../../domain/kpi/six-month-status';
import { ProgrammeReport } from './report-queries';

const LABELS: Record<SixMonthStatus, string> = {
  employed: 'Employed',
  internship: 'Internship',
  'own-company': 'Own company',
  'in-education': 'In education',
  unemployed: 'Still unemployed',
  'left-denmark': 'Left Denmark',
  'no-answer': 'No answer',
};

/** Colour-blind-safe (Okabe–Ito) colours, one per category, in the legend's order. */
const COLOURS: Record<SixMonthStatus, string> = {
  employed: '#009E73',
  internship: '#56B4E9',
  'own-company': '#0072B2',
  'in-education': '#F0E442',
  unemployed: '#D55E00',
  'left-denmark': '#CC79A7',
  'no-answer': '#999999',
};

/** One row per cohort and a total row; percentages half-up to whole percent, as in the JSON. */
export function reportCsv(report: ProgrammeReport): string {
  const rows = [
    ...report.cohorts.map(({ cohort, kpis }) => ({ cohort: cohort.id, name: cohort.name ?? '', startsOn: cohort.startsOn ?? '', kpis })),
    { cohort: 'all', name: 'All cohorts', startsOn: '', kpis: report.total },
  ];
  const columns = [
    'cohort_id',
    'cohort_name',
    'starts_on',
    'participants',
    'completed',
    'completion_rate_pct',
    ...OUTCOME_CATEGORIES.flatMap((category) => {
      const name = category.replace(/-/g, '_');
      return category === 'no-answer' ? [`${name}`, `${name}_pct`] : [`${name}`, `${name}_pct`, `${name}_pct_of_answered`];
    }),
    'median_days_to_first_job',
    'sessions_per_pair_mean',
    'sessions_per_pair_median',
    'mentee_satisfaction_mean',
    'mentor_satisfaction_mean',
    'recommendation_mean',
    'net_promoter_score',
    'mentors',
    'mentors_retained_next_cohort',
    'mentors_retained_pct',
  ];
  const records = rows.map(({ cohort, name, startsOn, kpis }) => [cohort, name, startsOn, ...kpiCells(kpis)]);
  return stringify(records, { header: true, columns, cast: { number: (value) => String(value) } });
}

function kpiCells(kpis: CohortKpis): (string | number | null)[] {
  return [
    kpis.participants,
    kpis.completed,
    kpis.completionRate.percent,
    ...OUTCOME_CATEGORIES.flatMap((category) => {
      const outcome = kpis.outcomes[category];
      return category === 'no-answer'
        ? [outcome.count, outcome.ofCompleted.percent]
        : [outcome.count, outcome.ofCompleted.percent, outcome.ofAnswered?.percent ?? null];
    }),
    kpis.medianDaysToFirstJob,
    kpis.sessionsPerPair.mean,
    kpis.sessionsPerPair.median,
    kpis.satisfaction.mentee.mean,
    kpis.satisfaction.mentor.mean,
    kpis.recommendation.mean,
    kpis.recommendation.netPromoterScore,
    kpis.mentors.count,
    kpis.mentors.retainedIntoNextCohort?.count ?? null,
    kpis.mentors.retainedIntoNextCohort?.percent ?? null,
  ];
}

const BAR_WIDTH = 600;
const BAR_HEIGHT = 28;
const LABEL_WIDTH = 180;
const ROW_GAP = 14;
const MARGIN = 20;

/**
 * Outcome shares per cohort as a self-contained SVG: one horizontal bar per cohort, stacked by
 * six-month status over all completers (so the segments of a bar add up to its full width),
 * with a legend, and `<title>`/`<desc>` plus per-segment titles for screen readers.
 */
export function outcomeChartSvg(report: ProgrammeReport): string {
  const bars = report.cohorts.map(({ cohort, kpis }) => ({ label: cohort.name ?? cohort.id, kpis }));
  const chartTop = MARGIN + 30;
  const legendTop = chartTop + bars.length * (BAR_HEIGHT + ROW_GAP) + 10;
  const height = legendTop + OUTCOME_CATEGORIES.length * 20 + MARGIN;
  const width = MARGIN * 2 + LABEL_WIDTH + BAR_WIDTH + 60;
  const description = bars
    .map(({ label, kpis }) =>
      kpis.completed === 0
        ? `${label}: no completers yet.`
        : `${label}: ${OUTCOME_CATEGORIES.map((category) => `${LABELS[category].toLowerCase()} ${kpis.outcomes[category].ofCompleted.percent} %`).join(', ')} of ${kpis.completed} completers.`,
    )
    .join(' ');
  const rows = bars.map(({ label, kpis }, row) => {
    const y = chartTop + row * (BAR_HEIGHT + ROW_GAP);
    let x = MARGIN + LABEL_WIDTH;
    const segments = OUTCOME_CATEGORIES.map((category) => {
      const ratio = kpis.completed === 0 ? 0 : kpis.outcomes[category].count / kpis.completed;
      const segmentWidth = roundWidth(ratio * BAR_WIDTH);
      const segment =
        segmentWidth === 0
          ? ''
          : `<rect class="segment" data-category="${category}" data-share="${ratio.toFixed(4)}" x="${roundWidth(x)}" y="${y}" width="${segmentWidth}" height="${BAR_HEIGHT}" fill="${COLOURS[category]}"><title>${escapeXml(`${label} – ${LABELS[category]}: ${kpis.outcomes[category].count} (${kpis.outcomes[category].ofCompleted.percent} %)`)}</title></rect>`;
      x += ratio * BAR_WIDTH;
      return segment;
    }).join('');
    return `<g class="bar" data-cohort="${escapeXml(label)}"><text x="${MARGIN + LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT / 2 + 5}" text-anchor="end">${escapeXml(label)}</text>${segments}<text x="${MARGIN + LABEL_WIDTH + BAR_WIDTH + 6}" y="${y + BAR_HEIGHT / 2 + 5}">n=${kpis.completed}</text></g>`;
  });
  const legend = OUTCOME_CATEGORIES.map(
    (category, index) =>
      `<g class="legend-item"><rect x="${MARGIN + LABEL_WIDTH}" y="${legendTop + index * 20}" width="14" height="14" fill="${COLOURS[category]}"/><text x="${MARGIN + LABEL_WIDTH + 20}" y="${legendTop + index * 20 + 12}">${LABELS[category]}</text></g>`,
  ).join('');
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc" font-family="Helvetica, Arial, sans-serif" font-size="13">`,
    `<title id="chart-title">Outcomes six months after completion, by cohort</title>`,
    `<desc id="chart-desc">${escapeXml(description)}</desc>`,
    `<text x="${MARGIN}" y="${MARGIN + 10}" font-size="16" font-weight="bold">Outcomes six months after completion (share of completers)</text>`,
    ...rows,
    `<g class="legend">${legend}</g>`,
    `</svg>`,
  ].join('\n');
}

function roundWidth(value: number): number {
  return Math.round(value * 100) / 100;
}

const XML_ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => XML_ESCAPES[char] ?? char);
}
