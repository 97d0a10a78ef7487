import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OutcomeRecordedData, ReferralOutcomeRecordedData, ReferralStatusChangedData, validateEventData } from '@cmp/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { outcomeUpdate, ReferredParticipant, statusUpdate } from './partner-updates';

const outcome: OutcomeRecordedData = JSON.parse(
  readFileSync(join(__dirname, '../../../../libs/contracts/src/fixtures/dk.cmp.evaluation.outcome-recorded.v1.json'), 'utf8'),
);

const participant: ReferredParticipant = {
  menteeId: outcome.menteeId,
  pseudonym: '6c1b3b5e-2f5d-4c7e-9a51-0e2f3f4d8b7a',
  organisationId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  referralId: '1d7e9b0c-7a7c-4f34-8d0a-5b8f6f1b2a33',
  cohortId: outcome.cohortId,
  sharesOutcomes: true,
};

const valid = (cls: new () => object, data: object) => validateSync(plainToInstance(cls, data), { whitelist: true, forbidNonWhitelisted: true });

describe('partner updates', () => {
  it('tells the referrer a status change with ids only', () => {
    const update = statusUpdate(participant, 'placed', '2027-01-01T10:00:00.000Z');
    expect(update).toEqual({
      organisationId: participant.organisationId,
      type: 'dk.cmp.notifications.referral-status-changed.v1',
      data: { participantId: participant.pseudonym, referralId: participant.referralId, cohortId: participant.cohortId, status: 'placed', occurredAt: '2027-01-01T10:00:00.000Z' },
    });
    expect(valid(ReferralStatusChangedData, update.data)).toEqual([]);
    expect(JSON.stringify(update)).not.toContain(participant.menteeId);
  });

  it('shares an outcome only with consent, and without how it was learnt', () => {
    expect(outcomeUpdate({ ...participant, sharesOutcomes: false }, validateEventData({ type: 'x', dataClass: OutcomeRecordedData } as never, outcome))).toBeNull();
    const update = outcomeUpdate(participant, outcome);
    expect(update?.type).toBe('dk.cmp.notifications.referral-outcome-recorded.v1');
    expect(update?.data).not.toHaveProperty('source');
    expect(update?.data).not.toHaveProperty('outcomeId');
    expect(update?.data).toMatchObject({ participantId: participant.pseudonym, status: outcome.status });
    expect(JSON.stringify(update)).not.toContain(outcome.menteeId);
    expect(valid(ReferralOutcomeRecordedData, update?.data as object)).toEqual([]);
  });
});
