import { ParticipantFacts } from './cohort-kpis';
import { MIN_CELL_SIZE, partnerAggregates } from './partner-aggregates';
import { seededCohortOf28 } from './seeded-cohort.test-helper';

const employed = (key: string): ParticipantFacts => ({ key, completedOn: '2027-06-01', statements: [{ status: 'employed', startedOn: '2027-08-01', reportedOn: '2027-09-01' }] });
const unemployed = (key: string): ParticipantFacts => ({ key, completedOn: '2027-06-01', statements: [{ status: 'unemployed', reportedOn: '2027-09-01' }] });

describe('partner aggregates', () => {
  it('hides every cell under five people, and its percentage', () => {
    const aggregates = partnerAggregates([...['a', 'b', 'c', 'd', 'e', 'f'].map(employed), unemployed('g')]);
    expect(MIN_CELL_SIZE).toBe(5);
    expect(aggregates.participants).toEqual({ count: 7, percent: null, suppressed: false });
    expect(aggregates.completed).toEqual({ count: 7, percent: null, suppressed: false });
    expect(aggregates.outcomes.employed).toEqual({ count: 6, percent: 86, suppressed: false });
    expect(aggregates.outcomes.unemployed).toEqual({ count: null, percent: null, suppressed: true });
    expect(aggregates.outcomes.internship.suppressed).toBe(true);
  });

  it('hides everything for an organisation with fewer than five participants', () => {
    const aggregates = partnerAggregates(['a', 'b', 'c', 'd'].map(employed));
    expect(aggregates.participants.suppressed).toBe(true);
    expect(aggregates.completed.suppressed).toBe(true);
    expect(Object.values(aggregates.outcomes).every((cell) => cell.suppressed && cell.count === null)).toBe(true);
  });

  it('never shows a count under five anywhere', () => {
    const aggregates = partnerAggregates(seededCohortOf28().participants);
    const cells = [aggregates.participants, aggregates.completed, ...Object.values(aggregates.outcomes)];
    expect(cells.filter((cell) => !cell.suppressed).every((cell) => (cell.count ?? 0) >= 5)).toBe(true);
    expect(aggregates.outcomes.employed).toEqual({ count: 16, percent: 57, suppressed: false });
    expect(aggregates.outcomes.unemployed).toEqual({ count: 6, percent: 21, suppressed: false });
  });

  it('hides a second cell when a single hidden one could be worked out from the total', () => {
    const withStatus = (status: 'employed' | 'internship' | 'own-company' | 'in-education' | 'left-denmark', count: number, startedOn: string | null) =>
      Array.from({ length: count }, (_, i): ParticipantFacts => ({
        key: `${status}-${i}`,
        completedOn: '2027-06-01',
        statements: [{ status, startedOn, reportedOn: '2027-09-01' }],
      }));
    const participants = [
      ...withStatus('employed', 8, '2027-08-01'),
      ...withStatus('internship', 6, '2027-08-01'),
      ...withStatus('own-company', 7, '2027-08-01'),
      ...withStatus('in-education', 9, '2027-08-01'),
      ...withStatus('left-denmark', 5, null),
      ...['u1', 'u2', 'u3', 'u4', 'u5', 'u6'].map(unemployed),
      { key: 'silent', completedOn: '2027-06-01', statements: [] },
    ];
    const aggregates = partnerAggregates(participants);
    expect(aggregates.completed.count).toBe(42);
    expect(aggregates.outcomes['no-answer'].suppressed).toBe(true);
    // 42 − the visible cells would give the one hidden no-answer away; the smallest visible goes too.
    const hidden = Object.entries(aggregates.outcomes).filter(([, cell]) => cell.suppressed).map(([category]) => category);
    expect(hidden.sort()).toEqual(['left-denmark', 'no-answer']);
  });
});
