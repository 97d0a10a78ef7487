import fc from 'fast-check';
import { OUTCOME_STATUSES } from '@cmp/contracts';
import { combineInputs, computeKpis, KpiInput, ParticipantFacts } from './cohort-kpis';
import { seededCohortOf28 } from './seeded-cohort.test-helper';

describe('cohort KPIs', () => {
  it('reads 57 % employed within six months and 21 % still unemployed for the seeded cohort of 28', () => {
    const kpis = computeKpis(seededCohortOf28());
    expect(kpis.participants).toBe(28);
    expect(kpis.completed).toBe(28);
    expect(kpis.employedWithinSixMonths).toEqual({ count: 16, of: 28, ratio: 0.5714, percent: 57 });
    expect(kpis.outcomes.unemployed.ofCompleted).toEqual({ count: 6, of: 28, ratio: 0.2143, percent: 21 });
    expect(kpis.outcomes.internship.count).toBe(2);
    expect(kpis.outcomes['own-company'].count).toBe(2);
    expect(kpis.outcomes['in-education'].count).toBe(0);
    expect(kpis.outcomes['left-denmark'].count).toBe(1);
    expect(kpis.outcomes['no-answer'].ofCompleted.percent).toBe(4);
  });

  it('gives each share both with and without the no-answers', () => {
    const kpis = computeKpis(seededCohortOf28());
    expect(kpis.outcomes.employed.ofAnswered).toEqual({ count: 16, of: 27, ratio: 0.5926, percent: 59 });
    expect(kpis.outcomes.unemployed.ofAnswered?.percent).toBe(22);
    expect(kpis.outcomes['no-answer'].ofAnswered).toBeNull();
  });

  it('computes the median time to first job from completion, a job during the programme counting as 0 days', () => {
    // Jobs: 7 × 75 days, 7 × 172 days, 1 × 0 (during the programme), 1 × 182, 1 × 245 (month 8).
    expect(computeKpis(seededCohortOf28()).medianDaysToFirstJob).toBe(172);
  });

  it('reports sessions per pair, satisfaction, recommendation and mentor retention', () => {
    const kpis = computeKpis(seededCohortOf28());
    expect(kpis.sessionsPerPair).toEqual({ pairs: 28, mean: 7.9, median: 8 });
    expect(kpis.satisfaction).toEqual({ mentee: { responses: 4, mean: 4 }, mentor: { responses: 3, mean: 4.7 } });
    expect(kpis.recommendation).toEqual({ responses: 6, mean: 8.2, netPromoterScore: 50 - 17 });
    expect(kpis.mentors).toEqual({ count: 4, retainedIntoNextCohort: { count: 2, of: 4, ratio: 0.5, percent: 50 } });
  });

  it('counts completion over participants and leaves those still in the programme out of the outcomes', () => {
    const input = seededCohortOf28();
    const withDropouts: KpiInput = {
      ...input,
      participants: [...input.participants, { key: 'd1', completedOn: null, statements: [] }, { key: 'd2', completedOn: null, statements: [] }],
    };
    const kpis = computeKpis(withDropouts);
    expect(kpis.participants).toBe(30);
    expect(kpis.completionRate).toEqual({ count: 28, of: 30, ratio: 0.9333, percent: 93 });
    expect(kpis.employedWithinSixMonths.percent).toBe(57);
  });

  it('has no retention figure before there is a next cohort', () => {
    expect(computeKpis({ ...seededCohortOf28(), mentors: { mentors: ['m1'], nextCohortMentors: null } }).mentors.retainedIntoNextCohort).toBeNull();
  });

  it('combines cohorts by pooling their participants', () => {
    const one = seededCohortOf28();
    const total = computeKpis(combineInputs([one, one]));
    expect(total.participants).toBe(56);
    expect(total.employedWithinSixMonths).toMatchObject({ count: 32, of: 56, percent: 57 });
    expect(total.mentors.retainedIntoNextCohort).toMatchObject({ count: 4, of: 8 });
  });

  it('counts every completer in exactly one category', () => {
    const statement = fc.record({
      status: fc.constantFrom(...OUTCOME_STATUSES),
      startedOn: fc.option(fc.date({ min: new Date('2027-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10))),
      reportedOn: fc.date({ min: new Date('2027-06-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
    });
    const participant: fc.Arbitrary<ParticipantFacts> = fc.record({
      key: fc.uuid(),
      completedOn: fc.option(fc.constant('2027-06-01')),
      statements: fc.array(statement, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(participant, { maxLength: 60 }), (participants) => {
        const kpis = computeKpis({ participants, pairs: [], scores: { menteeSatisfaction: [], mentorSatisfaction: [], recommendation: [] }, mentors: { mentors: [], nextCohortMentors: null } });
        const counted = Object.values(kpis.outcomes).reduce((sum, outcome) => sum + outcome.count, 0);
        expect(counted).toBe(kpis.completed);
        const answered = kpis.completed - kpis.outcomes['no-answer'].count;
        for (const outcome of Object.values(kpis.outcomes)) {
          expect(outcome.ofCompleted.of).toBe(kpis.completed);
          if (outcome.ofAnswered) expect(outcome.ofAnswered.of).toBe(answered);
        }
      }),
    );
  });
});
