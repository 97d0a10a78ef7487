import { PlacementsReserved } from '@cmp/contracts';
import { QuotaExhaustedError, TransitionRefusedError } from '../../domain/enrolment-error';
import { ARRANGE, inMemoryEnrolment } from '../../../test/in-memory-enrolment';
import { cohortRecord } from '../../../test/mentee-records';

const NOW = new Date('2026-12-01T10:00:00Z');
const COMPANY = '00000000-0000-4000-8000-0000000000a1';
const OTHER_COMPANY = '00000000-0000-4000-8000-0000000000a2';
const MUNICIPALITY = '00000000-0000-4000-8000-0000000000a3';

async function cohortOfFivePlaces() {
  const enrolment = inMemoryEnrolment(NOW);
  await enrolment.cohorts.insert(ARRANGE, cohortRecord({ capacity: 5 }));
  await enrolment.organisations.insert(ARRANGE, { id: COMPANY, name: 'Novo', kind: 'company' });
  await enrolment.organisations.insert(ARRANGE, { id: OTHER_COMPANY, name: 'Maersk', kind: 'company' });
  await enrolment.organisations.insert(ARRANGE, { id: MUNICIPALITY, name: 'Aarhus', kind: 'municipality' });
  return enrolment;
}

describe('organisation commands: reserving placements', () => {
  it("adds to the organisation's reservation and announces the new total", async () => {
    const enrolment = await cohortOfFivePlaces();
    await enrolment.organisationCommands.reservePlacements('coordinator:c-1', { organisationId: COMPANY, cohortId: cohortRecord().id, count: 2 });

    const quota = await enrolment.organisationCommands.reservePlacements('coordinator:c-1', { organisationId: COMPANY, cohortId: cohortRecord().id, count: 1 });

    expect(quota).toEqual({ organisationId: COMPANY, cohortId: cohortRecord().id, reserved: 3, used: 0 });
    expect(enrolment.unitOfWork.emittedOf(PlacementsReserved.type).at(-1)).toEqual({ organisationId: COMPANY, cohortId: cohortRecord().id, added: 1, reserved: 3 });
  });

  it("refuses more places than the cohort has left across all organisations, and keeps nothing", async () => {
    const enrolment = await cohortOfFivePlaces();
    await enrolment.organisationCommands.reservePlacements('coordinator:c-1', { organisationId: OTHER_COMPANY, cohortId: cohortRecord().id, count: 4 });

    const refusal = enrolment.organisationCommands.reservePlacements('coordinator:c-1', { organisationId: COMPANY, cohortId: cohortRecord().id, count: 2 });

    await expect(refusal).rejects.toThrow(QuotaExhaustedError);
    await expect(refusal).rejects.toThrow('the cohort has 5 places and 4 are already reserved');
    expect(await enrolment.placements.lock(ARRANGE, COMPANY, cohortRecord().id)).toBeNull();
    expect(enrolment.unitOfWork.emittedOf(PlacementsReserved.type)).toHaveLength(1);
  });

  it('refuses placements for an organisation that does not refer people', async () => {
    const enrolment = await cohortOfFivePlaces();

    await expect(
      enrolment.organisationCommands.reservePlacements('coordinator:c-1', { organisationId: MUNICIPALITY, cohortId: cohortRecord().id, count: 1 }),
    ).rejects.toThrow(TransitionRefusedError);
  });
});
