import { OutcomeRecorded, SurveyAnswered, SurveySent, SurveySentData } from '@cmp/contracts';
import { inMemoryEvaluation, TEST_SURVEY_BASE_URL } from '../in-memory-repositories.test-helper';
import { hashSurveyToken } from './survey-tokens';

const cohortId = '11111111-1111-4111-8111-111111111111';
const menteeId = '22222222-2222-4222-8222-222222222222';
const matchId = '44444444-4444-4444-8444-444444444444';

async function invitedToFollowUp() {
  const evaluation = await inMemoryEvaluation(new Date('2027-09-01T08:00:00Z'));
  const personKey = await evaluation.participant(menteeId, cohortId);
  const invite = () =>
    evaluation.unitOfWork.run('system', (tx) => evaluation.invitationCommands.invite(tx, { kind: 'follow-up-3', personKey, role: 'mentee', cohortId, matchId }));
  return { evaluation, personKey, invite };
}

function tokenOf(sent: unknown): string {
  return (sent as SurveySentData).link.slice(TEST_SURVEY_BASE_URL.length + 1);
}

describe('survey invitations', () => {
  it('invites a person once per kind and cohort, sending a link whose token is kept only as a hash', async () => {
    const { evaluation, invite } = await invitedToFollowUp();

    const first = await invite();
    const repeated = await invite();

    expect(repeated).toBeNull();
    const sent = evaluation.unitOfWork.emittedOf(SurveySent.type);
    expect(sent).toEqual([expect.objectContaining({ invitationId: first?.id, kind: 'follow-up-3', personId: menteeId, role: 'mentee', expiresAt: '2027-09-29T08:00:00.000Z' })]);
    expect([...evaluation.invitations.tokens.keys()]).toEqual([hashSurveyToken(tokenOf(sent[0]))]);
  });

  it('records the outcome a follow-up answer gives and refuses a second answer', async () => {
    const { evaluation, personKey, invite } = await invitedToFollowUp();
    const invitation = await invite();
    const token = tokenOf(evaluation.unitOfWork.emittedOf(SurveySent.type)[0]);
    evaluation.setNow(new Date('2027-09-03T12:00:00Z'));

    await evaluation.invitationCommands.answer(token, { status: 'unemployed', comment: 'Still looking' });

    expect(evaluation.outcomes.outcomes).toEqual([
      expect.objectContaining({ personKey, status: 'unemployed', followUpMonths: 3, invitationId: invitation?.id, source: 'survey', reportedOn: '2027-09-03' }),
    ]);
    expect(evaluation.unitOfWork.emittedOf(SurveyAnswered.type)).toEqual([expect.objectContaining({ invitationId: invitation?.id, answeredAt: '2027-09-03T12:00:00.000Z' })]);
    expect(evaluation.unitOfWork.emittedOf(OutcomeRecorded.type)).toHaveLength(1);
    await expect(evaluation.invitationCommands.answer(token, { status: 'employed' })).rejects.toMatchObject({
      problemType: 'https://cmp.dk/problems/evaluation/survey-already-answered',
      status: 409,
    });
    expect(evaluation.invitations.responses).toHaveLength(1);
  });

  it('stores an end-of-programme answer with its scores and reads no outcome from it', async () => {
    const { evaluation, personKey } = await invitedToFollowUp();
    await evaluation.unitOfWork.run('system', (tx) => evaluation.invitationCommands.invite(tx, { kind: 'end-of-programme', personKey, role: 'mentee', cohortId, matchId }));
    const token = tokenOf(evaluation.unitOfWork.emittedOf(SurveySent.type)[0]);

    await evaluation.invitationCommands.answer(token, { satisfaction: 5, recommend: 10, comment: 'Jens was great' });

    expect(evaluation.invitations.responses).toEqual([expect.objectContaining({ kind: 'end-of-programme', satisfaction: 5, recommendation: 10 })]);
    expect(evaluation.outcomes.outcomes).toEqual([]);
  });

  it('refuses an answer after the deadline even before the expiry timer ran', async () => {
    const { evaluation, invite } = await invitedToFollowUp();
    await invite();
    const token = tokenOf(evaluation.unitOfWork.emittedOf(SurveySent.type)[0]);
    evaluation.setNow(new Date('2027-09-29T08:00:00Z'));

    expect((await evaluation.invitationQueries.form(token)).status).toBe('expired');
    await expect(evaluation.invitationCommands.answer(token, { status: 'unemployed' })).rejects.toMatchObject({ problemType: 'https://cmp.dk/problems/evaluation/survey-expired', status: 410 });
    expect(evaluation.outcomes.outcomes).toEqual([]);
  });

  it('sends a scheduled mid-term survey to both of a live pair, and cancels it for a pair that ended early', async () => {
    const { evaluation, personKey } = await invitedToFollowUp();
    const mentorKey = await evaluation.unitOfWork.run('test', (tx) => evaluation.people.ensureKey(tx, '55555555-5555-4555-8555-555555555555', 'mentor'));
    const endedMatch = '66666666-6666-4666-8666-666666666666';
    const outcomes = await evaluation.unitOfWork.run('system', async (tx) => {
      await evaluation.programme.addMentorship(tx, { matchId, cohortId, menteeKey: personKey, mentorKey });
      await evaluation.programme.addMentorship(tx, { matchId: endedMatch, cohortId, menteeKey: personKey, mentorKey });
      await evaluation.programme.closeMentorship(tx, endedMatch, 'ended');
      return [
        await evaluation.invitationCommands.sendScheduled(tx, { id: 'live', kind: 'mid-term', matchId, cohortId }),
        await evaluation.invitationCommands.sendScheduled(tx, { id: 'ended', kind: 'mid-term', matchId: endedMatch, cohortId }),
      ];
    });

    expect(outcomes).toEqual(['sent', 'cancelled']);
    expect(evaluation.unitOfWork.emittedOf(SurveySent.type).map((sent) => (sent as SurveySentData).role).sort()).toEqual(['mentee', 'mentor']);
  });
});
