import { EntityManager } from 'typeorm';
import { ServiceError, type Transaction } from '@cmp/kernel';
import { uniqueSuffix } from '@cmp/testing';
import { type AuditEntry, entityManagerOf, Outbox, TypeOrmUnitOfWork } from '../src';
import { counterIncremented } from './sample/sample-contracts';
import { openSampleDatabase, type SampleDatabase } from './sample/sample-database';

class CounterTakenError extends ServiceError {
  constructor() {
    super('sample', 'counter-taken', 409, 'The counter exists', 'a counter with this id exists');
  }
}

/** What a repository does: SQL through the transaction's entity manager, and nowhere else. */
async function insertCounter(tx: Transaction, id: string): Promise<void> {
  await entityManagerOf(tx).query(`INSERT INTO counters (id, value) VALUES ($1, 1)`, [id]);
}

describe('the TypeORM unit of work', () => {
  const service = `sample-${uniqueSuffix()}`;
  const contract = counterIncremented(service);
  const now = new Date('2026-03-29T01:30:00Z');
  let database: SampleDatabase;
  const audited: AuditEntry[] = [];
  let unitOfWork: TypeOrmUnitOfWork;

  beforeAll(async () => {
    database = await openSampleDatabase('unit_of_work');
    const writeAudit = async (_manager: EntityManager, entries: readonly AuditEntry[]) => {
      audited.push(...entries);
    };
    const translateError = (error: unknown) => ((error as { driverError?: { code?: string } }).driverError?.code === '23505' ? new CounterTakenError() : error);
    unitOfWork = new TypeOrmUnitOfWork(database.dataSource, new Outbox({ service }), () => now, { writeAudit, translateError });
  });

  afterAll(() => database?.close());

  const counters = async (id: string) => (await database.dataSource.query(`SELECT value FROM counters WHERE id = $1`, [id])).length;
  const outboxRows = async (key: string) => (await database.dataSource.query(`SELECT event_type FROM outbox WHERE message_key = $1`, [key])).length;

  it('commits the change, its audit entries and its events together, stamped with the actor and one "now"', async () => {
    const result = await unitOfWork.run('coordinator:c1', async (tx) => {
      await insertCounter(tx, 'committed');
      tx.record('counter.created', 'counter', 'committed', ['value']);
      tx.emit({ contract, key: 'committed', data: { counterId: 'committed', sequence: 1 } });
      return tx.now;
    });

    expect(result).toEqual(now);
    expect(await counters('committed')).toBe(1);
    expect(await outboxRows('committed')).toBe(1);
    expect(audited).toContainEqual({ at: now, actor: 'coordinator:c1', action: 'counter.created', entityType: 'counter', entityId: 'committed', fields: ['value'] });
  });

  it('writes nothing and emits nothing when the work throws', async () => {
    const auditedBefore = audited.length;
    await expect(
      unitOfWork.run('coordinator:c1', async (tx) => {
        await insertCounter(tx, 'refused');
        tx.record('counter.created', 'counter', 'refused');
        tx.emit({ contract, key: 'refused', data: { counterId: 'refused', sequence: 1 } });
        throw new Error('a rule refused it');
      }),
    ).rejects.toThrow('a rule refused it');

    expect(await counters('refused')).toBe(0);
    expect(await outboxRows('refused')).toBe(0);
    expect(audited).toHaveLength(auditedBefore);
  });

  it('returns a dry run\'s would-be result and keeps nothing of it', async () => {
    const result = await unitOfWork.run(
      'mentee:m1',
      async (tx) => {
        await insertCounter(tx, 'dry');
        tx.emit({ contract, key: 'dry', data: { counterId: 'dry', sequence: 1 } });
        return 'would have created it';
      },
      { dryRun: true },
    );

    expect(result).toBe('would have created it');
    expect(await counters('dry')).toBe(0);
    expect(await outboxRows('dry')).toBe(0);
  });

  it('turns a database error into the service\'s own error through its translator', async () => {
    await unitOfWork.run('system:test', (tx) => insertCounter(tx, 'taken'));

    await expect(unitOfWork.run('system:test', (tx) => insertCounter(tx, 'taken'))).rejects.toMatchObject({
      toProblem: expect.any(Function),
      problemType: 'https://cmp.dk/problems/sample/counter-taken',
      status: 409,
    });
  });

  it('refuses an audit entry in a service that keeps no audit trail, and a handle it did not make', async () => {
    const withoutAudit = new TypeOrmUnitOfWork(database.dataSource, new Outbox({ service }), () => now);

    await expect(withoutAudit.run('system:test', async (tx) => tx.record('x', 'counter', 'c'))).rejects.toThrow(/keeps no audit trail/);
    expect(() => entityManagerOf({ now })).toThrow(/does not come from the TypeORM unit of work/);
  });

  it('reads through the same kind of handle, outside any transaction', async () => {
    const seen = await unitOfWork.read(async (tx) => {
      const rows = await entityManagerOf(tx).query(`SELECT count(*)::int AS n FROM counters WHERE id = 'committed'`);
      return { n: rows[0].n, now: tx.now };
    });
    expect(seen).toEqual({ n: 1, now });
  });
});
