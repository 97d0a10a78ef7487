import { MenteePlaced, MenteeWithdrew } from '@cmp/contracts';
import { ARRANGE, inMemoryEnrolment } from '../../../test/in-memory-enrolment';
import { cohortRecord, menteeRecord } from '../../../test/mentee-records';

const BEFORE_START = new Date('2026-12-01T10:00:00Z');
const AFTER_START = new Date('2027-02-10T10:00:00Z');
const REFERRER = '00000000-0000-4000-8000-0000000000a1';
const PLACED = '00000000-0000-4000-8000-00000000aa01';
const WAITING = '00000000-0000-4000-8000-00000000aa02';

async function fullCohortWithOneWaiting(now: Date) {
  const enrolment = inMemoryEnrolment(now);
  await enrolment.cohorts.insert(ARRANGE, cohortRecord({ capacity: 1 }));
  await enrolment.mentees.insert(ARRANGE, menteeRecord({ id: PLACED, referringOrganisationId: REFERRER }));
  await enrolment.mentees.insert(ARRANGE, menteeRecord({ id: WAITING, status: 'waitlisted', placedAt: null }));
  await enrolment.placements.reserve(ARRANGE, REFERRER, cohortRecord().id, 2);
  await enrolment.placements.saveUsed(ARRANGE, { organisationId: REFERRER, cohortId: cohortRecord().id, reserved: 2, used: 1 });
  return enrolment;
}

describe('mentee commands: withdrawal', () => {
  it('gives the place back before the start: the referrer gets its placement back and the next mentee in line is placed', async () => {
    const enrolment = await fullCohortWithOneWaiting(BEFORE_START);

    const withdrawn = await enrolment.menteeCommands.withdraw('mentee:' + PLACED, { menteeId: PLACED, by: 'mentee', reason: 'moved abroad' });

    expect(withdrawn).toMatchObject({ status: 'withdrawn', statusReason: 'moved abroad' });
    expect((await enrolment.placements.lock(ARRANGE, REFERRER, cohortRecord().id))?.used).toBe(0);
    expect(enrolment.mentees.rows.get(WAITING)).toMatchObject({ status: 'placed', placedAt: BEFORE_START });
    expect(enrolment.unitOfWork.emittedOf(MenteeWithdrew.type)).toEqual([
      { menteeId: PLACED, cohortId: cohortRecord().id, by: 'mentee', reason: 'moved abroad', placementReleased: true },
    ]);
    expect(enrolment.unitOfWork.emittedOf(MenteePlaced.type)).toEqual([expect.objectContaining({ menteeId: WAITING })]);
    expect(enrolment.unitOfWork.audited.map((entry) => entry.action)).toEqual(['mentee.withdrawn-by-mentee', 'mentee.placed']);
  });

  it('keeps the place taken once the cohort has started: nothing is released and nobody moves up', async () => {
    const enrolment = await fullCohortWithOneWaiting(AFTER_START);

    await enrolment.menteeCommands.withdraw('coordinator:c-1', { menteeId: PLACED, by: 'coordinator', reason: 'no longer eligible' });

    expect((await enrolment.placements.lock(ARRANGE, REFERRER, cohortRecord().id))?.used).toBe(1);
    expect(enrolment.mentees.rows.get(WAITING)?.status).toBe('waitlisted');
    expect(enrolment.unitOfWork.emittedOf(MenteeWithdrew.type)).toEqual([expect.objectContaining({ placementReleased: false })]);
    expect(enrolment.unitOfWork.emittedOf(MenteePlaced.type)).toEqual([]);
  });

  it('treats an erased mentee as unknown', async () => {
    const enrolment = await fullCohortWithOneWaiting(BEFORE_START);
    await enrolment.mentees.erase(ARRANGE, PLACED, BEFORE_START);

    await expect(enrolment.menteeCommands.withdraw('coordinator:c-1', { menteeId: PLACED, by: 'coordinator', reason: 'x' })).rejects.toMatchObject({
      status: 404,
      slug: 'not-found',
    });
    expect(enrolment.unitOfWork.emitted).toEqual([]);
  });
});
