import { IsInt, IsString, Min } from 'class-validator';
import { EntityManager } from 'typeorm';
import { defineEvent, EventValidationError } from '@cmp/contracts';
import { correlationContext } from '@cmp/platform';
import { Outbox } from './outbox';

class SeatsReservedData {
  @IsString() organisationId: string;
  @IsInt() @Min(1) seats: number;
}
const SeatsReserved = defineEvent('dk.cmp.outboxspec.seats-reserved.v1', SeatsReservedData);

/** Records the SQL the outbox would run; `inTransaction` mimics TypeORM's transactional manager. */
function recordingManager(inTransaction = true) {
  const calls: { sql: string; values: unknown[] }[] = [];
  const manager = {
    queryRunner: { isTransactionActive: inTransaction },
    query: async (sql: string, values: unknown[]) => void calls.push({ sql, values }),
  } as unknown as EntityManager;
  return { manager, calls };
}

const clock = () => new Date('2026-11-26T10:00:00.000Z');

describe('Outbox', () => {
  it('writes every event of a change in one insert, keyed by aggregate and in binary-mode form', async () => {
    const { manager, calls } = recordingManager();
    const outbox = new Outbox({ service: 'outboxspec', clock });
    const events = await outbox.add(
      manager,
      { contract: SeatsReserved, key: 'org-1', data: { organisationId: 'org-1', seats: 2 } },
      { contract: SeatsReserved, key: 'org-2', data: { organisationId: 'org-2', seats: 5 } },
    );
    expect(calls).toHaveLength(1);
    expect(calls[0].sql).toMatch(/^INSERT INTO outbox .* VALUES \(.*\), \(.*\)$/s);
    const [id, type, topic, key, headers, payload] = calls[0].values;
    expect({ id, type, topic, key }).toEqual({ id: events[0].id, type: SeatsReserved.type, topic: 'cmp.outboxspec.events', key: 'org-1' });
    expect(JSON.parse(headers as string)).toMatchObject({ ce_source: '/cmp/outboxspec', ce_time: '2026-11-26T10:00:00.000Z', ce_subject: 'org-1' });
    expect(JSON.parse(payload as string)).toEqual({ organisationId: 'org-1', seats: 2 });
    expect(events[1].subject).toBe('org-2');
  });

  it('carries the correlation id of the request or event that caused the change', async () => {
    const { manager } = recordingManager();
    const outbox = new Outbox({ service: 'outboxspec', clock });
    const [fromRequest] = await correlationContext.run({ correlationId: 'corr-1', requestId: 'req-1' }, () =>
      outbox.add(manager, { contract: SeatsReserved, key: 'org-1', data: { organisationId: 'org-1', seats: 1 } }),
    );
    expect(fromRequest).toMatchObject({ correlationid: 'corr-1', causationid: 'req-1' });
    const [fromEvent] = await correlationContext.run({ correlationId: 'corr-1', causationId: fromRequest.id }, () =>
      outbox.add(manager, { contract: SeatsReserved, key: 'org-1', data: { organisationId: 'org-1', seats: 1 } }),
    );
    expect(fromEvent).toMatchObject({ correlationid: 'corr-1', causationid: fromRequest.id });
  });

  it('starts a new correlation when nothing caused the change', async () => {
    const { manager } = recordingManager();
    const [event] = await new Outbox({ service: 'outboxspec' }).add(manager, {
      contract: SeatsReserved,
      key: 'org-1',
      data: { organisationId: 'org-1', seats: 1 },
    });
    expect(event.correlationid).toBe(event.id);
    expect(event.causationid).toBeUndefined();
  });

  it('refuses data that breaks the contract and writes nothing', async () => {
    const { manager, calls } = recordingManager();
    const outbox = new Outbox({ service: 'outboxspec' });
    await expect(
      outbox.add(manager, { contract: SeatsReserved, key: 'org-1', data: { organisationId: 'org-1', seats: 0 } }),
    ).rejects.toBeInstanceOf(EventValidationError);
    expect(calls).toHaveLength(0);
  });

  it('sends only the fields the contract declares', async () => {
    const { manager, calls } = recordingManager();
    const data = Object.assign(new SeatsReservedData(), { organisationId: 'org-1', seats: 1, contactEmail: 'someone@example.com' });
    await new Outbox({ service: 'outboxspec' }).add(manager, { contract: SeatsReserved, key: 'org-1', data });
    expect(JSON.parse(calls[0].values[5] as string)).toEqual({ organisationId: 'org-1', seats: 1 });
  });

  it('refuses to write outside a transaction, where the event could outlive a rolled-back change', async () => {
    const { manager } = recordingManager(false);
    await expect(
      new Outbox({ service: 'outboxspec' }).add(manager, { contract: SeatsReserved, key: 'org-1', data: { organisationId: 'org-1', seats: 1 } }),
    ).rejects.toThrow('open transaction');
  });
});
