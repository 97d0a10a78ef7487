import { OutcomeRecorded } from '@cmp/contracts';
import { inMemoryEvaluation } from '../in-memory-repositories.test-helper';

const cohortId = '11111111-1111-4111-8111-111111111111';
const menteeId = '22222222-2222-4222-8222-222222222222';
const noJobFacts = { hours: null, terms: null, sector: null, occupation: null, throughMentorNetwork: null, startedOn: null };

describe('recording an outcome a coordinator learnt', () => {
  it('records it under the mentee’s key with today’s Copenhagen date and announces it by mentee id', async () => {
    const evaluation = await inMemoryEvaluation(new Date('2027-11-30T23:30:00Z'));
    const key = await evaluation.participant(menteeId, cohortId);

    const outcome = await evaluation.outcomeCommands.recordByCoordinator('coordinator:c-1', { ...noJobFacts, menteeId, cohortId, status: 'unemployed', sourceNote: 'phone call' });

    expect(evaluation.outcomes.outcomes).toEqual([
      expect.objectContaining({ personKey: key, cohortId, status: 'unemployed', reportedOn: '2027-12-01', source: 'coordinator', sourceNote: 'phone call', recordedBy: 'coordinator:c-1' }),
    ]);
    expect(evaluation.unitOfWork.emittedOf(OutcomeRecorded.type)).toEqual([
      { outcomeId: outcome.id, menteeId, cohortId, status: 'unemployed', source: 'coordinator', recordedAt: '2027-11-30T23:30:00.000Z' },
    ]);
  });

  it('refuses a job without the date it started, and writes nothing', async () => {
    const evaluation = await inMemoryEvaluation();
    await evaluation.participant(menteeId, cohortId);

    const attempt = evaluation.outcomeCommands.recordByCoordinator('coordinator:c-1', { ...noJobFacts, menteeId, cohortId, status: 'employed', sourceNote: 'LinkedIn' });

    await expect(attempt).rejects.toMatchObject({ problemType: 'https://cmp.dk/problems/evaluation/invalid-outcome', status: 422, title: 'The outcome is incomplete' });
    expect(evaluation.outcomes.outcomes).toEqual([]);
  });

  it('refuses a mentee who is not a participant of the cohort', async () => {
    const evaluation = await inMemoryEvaluation();
    await evaluation.participant(menteeId, '33333333-3333-4333-8333-333333333333');

    const attempt = evaluation.outcomeCommands.recordByCoordinator('coordinator:c-1', { ...noJobFacts, menteeId, cohortId, status: 'unemployed', sourceNote: 'email' });

    await expect(attempt).rejects.toMatchObject({ problemType: 'https://cmp.dk/problems/evaluation/not-found', status: 404 });
    expect(evaluation.unitOfWork.emitted).toEqual([]);
  });
});
