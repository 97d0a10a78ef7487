import { MatchConfirmed, MatchEnded, MatchProposed, MatchRejected } from '@cmp/contracts';
import { menteeProfile, mentorProfile } from '@cmp/testing';
import { HardConstraintError, RefusedError } from '../../domain/matching-error';
import { ARRANGE, inMemoryMatching } from '../../../test/in-memory-matching';
import type { Match } from './match.repository';

const COHORT = '00000000-0000-4000-8000-0000000000c1';
const MENTEE = '00000000-0000-4000-8000-00000000aa01';
const OTHER_MENTEE = '00000000-0000-4000-8000-00000000aa02';
const MENTOR = '00000000-0000-4000-8000-00000000bb01';
const OTHER_MENTOR = '00000000-0000-4000-8000-00000000bb02';
const COORDINATOR = 'coordinator:c-1';

function proposal(overrides: Partial<Match> = {}): Match {
  return {
    id: '00000000-0000-4000-8000-0000000000f1',
    cohortId: COHORT,
    runId: null,
    menteeId: MENTEE,
    mentorId: MENTOR,
    score: 80,
    explanation: {},
    origin: 'manual',
    status: 'proposed',
    reason: null,
    proposedAt: new Date('2026-03-01T09:00:00Z'),
    decidedAt: null,
    ...overrides,
  };
}

async function cohortWithTwoMentors() {
  const matching = inMemoryMatching();
  await matching.cohorts.upsertScheduled(ARRANGE, { id: COHORT, name: 'Spring', excludeMentorsFromReferringOrganisation: false });
  await matching.candidates.placeMentee(ARRANGE, { id: MENTEE, cohortId: COHORT, referringOrganisationId: null, profile: menteeProfile() });
  await matching.candidates.saveMentor(ARRANGE, { id: MENTOR, profile: mentorProfile(COHORT), status: 'active' });
  await matching.candidates.saveMentor(ARRANGE, { id: OTHER_MENTOR, profile: mentorProfile(COHORT), status: 'active' });
  return matching;
}

describe('match commands', () => {
  it('forbids a rejected pair and proposes the mentee the mentor who is left', async () => {
    const matching = await cohortWithTwoMentors();
    await matching.matches.insert(ARRANGE, [proposal()]);

    const rejected = await matching.commands.reject(COORDINATOR, proposal().id, 'different goals');

    expect(rejected).toMatchObject({ status: 'rejected', reason: 'different goals' });
    expect(await matching.candidates.isForbidden(ARRANGE, { cohortId: COHORT, menteeId: MENTEE, mentorId: MENTOR })).toBe(true);
    expect(matching.unitOfWork.emittedOf(MatchRejected.type)).toEqual([
      { matchId: proposal().id, cohortId: COHORT, menteeId: MENTEE, mentorId: MENTOR, reason: 'different goals' },
    ]);
    expect(matching.unitOfWork.emittedOf(MatchProposed.type)).toEqual([expect.objectContaining({ menteeId: MENTEE, mentorId: OTHER_MENTOR, origin: 'rematch' })]);
  });

  it('refuses to confirm a proposal whose mentor has no place left, and emits nothing', async () => {
    const matching = await cohortWithTwoMentors();
    await matching.matches.insert(ARRANGE, [
      proposal({ id: '00000000-0000-4000-8000-0000000000f2', menteeId: OTHER_MENTEE, status: 'confirmed' }),
      proposal(),
    ]);

    await expect(matching.commands.confirmOne(COORDINATOR, proposal().id)).rejects.toThrow(RefusedError);
    expect(matching.unitOfWork.emittedOf(MatchConfirmed.type)).toEqual([]);
    expect((await matching.matches.lock(ARRANGE, proposal().id))?.status).toBe('proposed');
  });

  it('refuses a pair set by hand that a coordinator rejected before, naming the constraint', async () => {
    const matching = await cohortWithTwoMentors();
    await matching.candidates.forbid(ARRANGE, { cohortId: COHORT, menteeId: MENTEE, mentorId: MENTOR });

    const refusal = matching.commands.setPair(COORDINATOR, COHORT, MENTEE, MENTOR);

    await expect(refusal).rejects.toThrow(HardConstraintError);
    await expect(refusal).rejects.toMatchObject({ status: 422, reasons: ['rejected-by-coordinator'] });
    expect(matching.unitOfWork.emitted).toEqual([]);
  });

  it('ends a confirmed mentorship early and proposes the mentee a new mentor', async () => {
    const matching = await cohortWithTwoMentors();
    await matching.matches.insert(ARRANGE, [proposal({ status: 'confirmed' })]);

    const ended = await matching.commands.end(COORDINATOR, proposal().id, 'withdrawn');

    expect(ended).toMatchObject({ status: 'ended', reason: 'withdrawn', decidedAt: matching.unitOfWork.now() });
    expect(matching.unitOfWork.emittedOf(MatchEnded.type)).toEqual([expect.objectContaining({ matchId: proposal().id, reason: 'withdrawn' })]);
    expect(matching.unitOfWork.emittedOf(MatchProposed.type)).toEqual([expect.objectContaining({ menteeId: MENTEE, origin: 'rematch' })]);
  });
});
