import { SurveySent, SurveySentData } from '@cmp/contracts';
import { inMemoryEvaluation, TEST_SURVEY_BASE_URL } from '../in-memory-repositories.test-helper';

const cohortId = '11111111-1111-4111-8111-111111111111';
const menteeId = '22222222-2222-4222-8222-222222222222';

describe('erasing a person', () => {
  it('drops the person, their links, open invitations, free text and notes, but keeps their outcomes under the key', async () => {
    const evaluation = await inMemoryEvaluation();
    const personKey = await evaluation.participant(menteeId, cohortId);
    const invite = (kind: 'follow-up-0' | 'follow-up-3') =>
      evaluation.unitOfWork.run('system', (tx) => evaluation.invitationCommands.invite(tx, { kind, personKey, role: 'mentee', cohortId, matchId: null }));
    await invite('follow-up-0');
    const answered = (evaluation.unitOfWork.emittedOf(SurveySent.type)[0] as SurveySentData).link.slice(TEST_SURVEY_BASE_URL.length + 1);
    await evaluation.invitationCommands.answer(answered, { status: 'unemployed', comment: 'My manager at Acme was unkind' });
    await evaluation.outcomeCommands.recordByCoordinator('coordinator:c-1', {
      menteeId, cohortId, status: 'unemployed', sourceNote: 'called Jane Doe', hours: null, terms: null, sector: null, occupation: null, throughMentorNetwork: null, startedOn: null,
    });
    const open = await invite('follow-up-3');

    await evaluation.unitOfWork.run('system', (tx) => evaluation.peopleCommands.erase(tx, { personId: menteeId, role: 'mentee', erasedAt: '2027-06-01T10:00:00.000Z' }));

    expect(await evaluation.people.isErased({ now: new Date() }, menteeId)).toBe(true);
    expect(evaluation.people.people).toEqual([expect.objectContaining({ key: personKey, personId: null, shareOutcomesConsent: false })]);
    expect(evaluation.invitations.tokens.size).toBe(0);
    expect(evaluation.invitations.invitations.get(open?.id ?? '')?.status).toBe('withdrawn');
    expect(evaluation.invitations.responses.map((response) => response.answers)).toEqual([{ status: 'unemployed' }]);
    expect(evaluation.outcomes.outcomes.map((outcome) => [outcome.personKey, outcome.status, outcome.sourceNote])).toEqual([
      [personKey, 'unemployed', null],
      [personKey, 'unemployed', null],
    ]);
  });
});
