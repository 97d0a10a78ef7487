import { computeKpis } from '../../domain/kpi/cohort-kpis';
import { seededCohortOf28 } from '../../domain/kpi/seeded-cohort.test-helper';
import { ProgrammeReport, ROUNDING_RULE } from './report-queries';
import { outcomeChartSvg, reportCsv } from './report-exports';
import { descendants, parseXml } from './xml-tree.test-helper';

function report(): ProgrammeReport {
  const seeded = seededCohortOf28();
  const smaller = { ...seeded, participants: seeded.participants.slice(0, 10) };
  return {
    roundingRule: ROUNDING_RULE,
    cohorts: [
      { cohort: { id: 'c1', name: 'Spring 2027 <pilot> & "friends"', startsOn: '2027-02-01', endsOn: '2027-06-01' }, kpis: computeKpis(seeded) },
      { cohort: { id: 'c2', name: 'Autumn 2027', startsOn: '2027-09-01', endsOn: '2027-12-31' }, kpis: computeKpis(smaller) },
      { cohort: { id: 'c3', name: 'Spring 2028', startsOn: '2028-02-01', endsOn: '2028-06-01' }, kpis: computeKpis({ ...seeded, participants: [] }) },
    ],
    total: computeKpis(seeded),
  };
}

describe('report exports', () => {
  it('writes one CSV row per cohort and a total, with the rounded percentages', () => {
    const lines = reportCsv(report()).trim().split('\n');
    expect(lines).toHaveLength(5);
    const header = lines[0].split(',');
    const first = lines[1];
    expect(header.slice(0, 6)).toEqual(['cohort_id', 'cohort_name', 'starts_on', 'participants', 'completed', 'completion_rate_pct']);
    // The name with a quote is quoted and escaped as CSV requires.
    expect(first.startsWith('c1,"Spring 2027 <pilot> & ""friends""",2027-02-01,28,28,100,16,57,59,')).toBe(true);
    const cells = (line: string) => line.replace(/"[^"]*(""[^"]*)*"/g, 'name').split(',');
    const total = cells(lines[4]);
    expect(total[header.indexOf('employed_pct')]).toBe('57');
    expect(total[header.indexOf('unemployed_pct')]).toBe('21');
    expect(total[header.indexOf('mentors_retained_pct')]).toBe('50');
    expect(cells(lines[3])[header.indexOf('employed_pct')]).toBe('');
  });

  it('draws a well-formed, self-contained SVG with an accessible title and a legend', () => {
    const svg = parseXml(outcomeChartSvg(report()));
    expect(svg.name).toBe('svg');
    expect(svg.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(svg.attributes.role).toBe('img');
    const title = svg.children.find((child) => child.name === 'title');
    expect(title?.text).toBe('Outcomes six months after completion, by cohort');
    expect(svg.attributes['aria-labelledby']).toContain(title?.attributes.id);
    expect(descendants(svg, (element) => element.attributes.class === 'legend-item')).toHaveLength(7);
    expect(descendants(svg, (element) => ['image', 'script', 'use', 'foreignObject'].includes(element.name))).toEqual([]);
    expect(descendants(svg, (element) => element.name === 'text').map((text) => text.text)).toContain('Spring 2027 <pilot> & "friends"');
  });

  it('stacks each cohort bar from segments whose widths are the outcome shares', () => {
    const svg = parseXml(outcomeChartSvg(report()));
    const bars = descendants(svg, (element) => element.attributes.class === 'bar');
    expect(bars).toHaveLength(3);
    const [seeded, smaller, empty] = bars.map((bar) => descendants(bar, (element) => element.attributes.class === 'segment'));
    const width = (segments: typeof seeded) => segments.reduce((sum, segment) => sum + Number(segment.attributes.width), 0);
    expect(width(seeded)).toBeCloseTo(600, 1);
    expect(width(smaller)).toBeCloseTo(600, 1);
    expect(empty).toEqual([]);
    const segmentOf = (category: string) => seeded.find((segment) => segment.attributes['data-category'] === category) ?? { attributes: { width: 'NaN' }, children: [] };
    const employed = segmentOf('employed');
    expect(Number(employed.attributes.width) / 600).toBeCloseTo(16 / 28, 3);
    const unemployed = segmentOf('unemployed');
    expect(Number(unemployed.attributes.width) / 600).toBeCloseTo(6 / 28, 3);
    // Segments sit edge to edge, left to right.
    for (let i = 1; i < seeded.length; i++) {
      expect(Number(seeded[i].attributes.x)).toBeCloseTo(Number(seeded[i - 1].attributes.x) + Number(seeded[i - 1].attributes.width), 1);
    }
    expect(employed.children.find((child) => child.name === 'title')?.text).toContain('Employed: 16 (57 %)');
  });

  it('rejects XML that is not well-formed, so the checks above mean something', () => {
    expect(() => parseXml('<svg><g></svg>')).toThrow();
    expect(() => parseXml('<svg><text>a & b</text></svg>')).toThrow();
    expect(() => parseXml('<svg width=10></svg>')).toThrow();
  });
});
