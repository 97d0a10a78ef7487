import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Transaction } from '@cmp/kernel';
import { createSchemaDataSource } from '@cmp/persistence';
import { uniqueSuffix } from '@cmp/testing';
import { claimDueRows, columnLease, DurablePollingWorker, entityManagerOf, Outbox, TypeOrmUnitOfWork } from '../src';
import { counterIncremented } from './sample/sample-contracts';
import { openSampleDatabase, type SampleDatabase } from './sample/sample-database';

interface Job {
  readonly id: string;
  readonly attempts: number;
}

const toJob = (row: Record<string, unknown>): Job => ({ id: row.id as string, attempts: row.attempts as number });

/** One instance of a service: its own connection pool and its own worker, on the shared schema. */
interface Instance {
  readonly dataSource: DataSource;
  readonly unitOfWork: TypeOrmUnitOfWork;
}

const JOBS_TABLE = `
  CREATE TABLE jobs (
    id uuid PRIMARY KEY,
    due_at timestamptz NOT NULL,
    status text NOT NULL DEFAULT 'pending',
    attempts integer NOT NULL DEFAULT 0,
    last_error text
  );
  CREATE TABLE handled (job_id uuid NOT NULL, instance text NOT NULL)`;

const dueJobs = claimDueRows({ table: 'jobs', dueWhen: `status = 'pending' AND due_at <= $1`, orderBy: 'due_at, id', columns: ['id', 'attempts'], toItem: toJob });
const jobLease = columnLease<Job>({ table: 'jobs', column: 'due_at', heldWhen: `status = 'pending'`, keyOf: (job) => job.id });

/** A promise the test resolves when something has happened (a batch claimed, a gate opened). */
function signal(): { readonly happened: Promise<void>; fire(): void } {
  let fire: () => void = () => undefined;
  const happened = new Promise<void>((resolve) => (fire = resolve));
  return { happened, fire: () => fire() };
}

async function markHandled(tx: Transaction, job: Job, instance: string): Promise<'done'> {
  const manager = entityManagerOf(tx);
  await manager.query(`INSERT INTO handled (job_id, instance) VALUES ($1, $2)`, [job.id, instance]);
  await manager.query(`UPDATE jobs SET status = 'done', attempts = attempts + 1 WHERE id = $1`, [job.id]);
  return 'done';
}

describe('the durable polling worker', () => {
  const service = `sample-${uniqueSuffix()}`;
  const contract = counterIncremented(service);
  let now = new Date('2027-03-01T09:00:00Z');
  const clock = () => now;
  let database: SampleDatabase;
  let first: Instance;
  let second: Instance;
  const workers: DurablePollingWorker<Job, string>[] = [];

  const openInstance = async (dataSource: DataSource): Promise<Instance> => ({ dataSource, unitOfWork: new TypeOrmUnitOfWork(dataSource, new Outbox({ service }), clock) });
  const worker = <Outcome extends string>(settings: ConstructorParameters<typeof DurablePollingWorker<Job, Outcome>>[0]) => {
    const created = new DurablePollingWorker<Job, Outcome>(settings);
    workers.push(created as unknown as DurablePollingWorker<Job, string>);
    return created;
  };

  const addJobs = async (count: number, dueAt = now): Promise<string[]> => {
    const ids = Array.from({ length: count }, () => randomUUID());
    await database.dataSource.query(`INSERT INTO jobs (id, due_at) SELECT unnest($1::uuid[]), $2`, [ids, dueAt]);
    return ids;
  };
  const handledCounts = async (): Promise<Map<string, number>> => {
    const rows: { job_id: string; times: string }[] = await database.dataSource.query(`SELECT job_id, count(*) AS times FROM handled GROUP BY job_id`);
    return new Map(rows.map((row) => [row.job_id, Number(row.times)]));
  };

  beforeAll(async () => {
    database = await openSampleDatabase('polling_worker');
    await database.dataSource.query(JOBS_TABLE);
    first = await openInstance(database.dataSource);
    const otherDataSource = createSchemaDataSource({ url: database.schema.databaseUrl, schema: database.schema.name, applicationName: 'second-instance' });
    second = await openInstance(await otherDataSource.initialize());
  });

  beforeEach(async () => {
    now = new Date('2027-03-01T09:00:00Z');
    await database.dataSource.query(`TRUNCATE jobs, handled, outbox`);
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((each) => each.stop()));
  });

  afterAll(async () => {
    await second?.dataSource.destroy();
    await database?.close();
  });

  describe('handling items in the claim transaction', () => {
    it('never lets two instances handle the same row, and handles every due row once', async () => {
      const ids = await addJobs(120);
      await addJobs(5, new Date(now.getTime() + 60_000));
      const slowly = (instance: string) => async (job: Job, tx: Transaction) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        return markHandled(tx, job, instance);
      };
      const a = worker({ name: 'jobs-a', unitOfWork: first.unitOfWork, claim: dueJobs, processing: { mode: 'in-claim-transaction', handle: slowly('a') }, intervalMs: 0, batchSize: 7 });
      const b = worker({ name: 'jobs-b', unitOfWork: second.unitOfWork, claim: dueJobs, processing: { mode: 'in-claim-transaction', handle: slowly('b') }, intervalMs: 0, batchSize: 7 });

      const [fromA, fromB] = await Promise.all([a.drain(), b.drain()]);

      const handled = await handledCounts();
      expect([...handled.keys()].sort()).toEqual([...ids].sort());
      expect([...handled.values()].every((times) => times === 1)).toBe(true);
      expect(fromA.claimed + fromB.claimed).toBe(120);
      expect((fromA.outcomes.done ?? 0) + (fromB.outcomes.done ?? 0)).toBe(120);
      // Both took part: SKIP LOCKED let the second move past the first's batch instead of waiting for it.
      expect(fromA.claimed).toBeGreaterThan(0);
      expect(fromB.claimed).toBeGreaterThan(0);
    });

    it('commits what a handler emits with the claim, and rolls back only the item that failed for good', async () => {
      const [good, bad, alsoGood] = await addJobs(3);
      now = new Date(now.getTime() + 1);
      const a = worker({
        name: 'jobs-savepoint',
        unitOfWork: first.unitOfWork,
        claim: dueJobs,
        processing: {
          mode: 'in-claim-transaction',
          handle: async (job, tx) => {
            tx.emit({ contract, key: job.id, data: { counterId: job.id, sequence: 1 } });
            await markHandled(tx, job, 'a');
            if (job.id === bad) throw new Error('the template does not render');
            return 'done';
          },
          onFailure: async (job, failure, tx) => {
            // The row is still locked here: record the failure and move it out of the way.
            await entityManagerOf(tx).query(`UPDATE jobs SET attempts = attempts + 1, last_error = $2, due_at = $3 WHERE id = $1`, [job.id, failure.message, new Date(tx.now.getTime() + 60_000)]);
            return failure.kind === 'permanent' ? 'retrying' : 'unexpected';
          },
        },
        intervalMs: 0,
      });

      const summary = await a.drain();

      expect(summary).toEqual({ claimed: 3, outcomes: { done: 2, retrying: 1 }, backlogged: false });
      expect([...(await handledCounts()).keys()].sort()).toEqual([good, alsoGood].sort());
      const outboxKeys: { message_key: string }[] = await database.dataSource.query(`SELECT message_key FROM outbox ORDER BY message_key`);
      expect(outboxKeys.map((row) => row.message_key)).toEqual([good, alsoGood].sort());
      const [failed] = await database.dataSource.query(`SELECT status, attempts, last_error FROM jobs WHERE id = $1`, [bad]);
      expect(failed).toEqual({ status: 'pending', attempts: 1, last_error: 'the template does not render' });
    });

    it('leaves the rows due for another instance when the claiming one dies mid-batch', async () => {
      await addJobs(4);
      const batchClaimed = signal();
      const a = worker({
        name: 'jobs-crash',
        unitOfWork: first.unitOfWork,
        claim: dueJobs,
        processing: {
          mode: 'in-claim-transaction',
          handle: async (job, tx) => {
            await markHandled(tx, job, 'a');
            batchClaimed.fire();
            // The instance "dies" here: its connection is cut while it holds the claim.
            await entityManagerOf(tx).query(`SELECT pg_sleep(30)`);
            return 'done';
          },
        },
        intervalMs: 0,
      });
      const b = worker({ name: 'jobs-survivor', unitOfWork: second.unitOfWork, claim: dueJobs, processing: { mode: 'in-claim-transaction', handle: (job, tx) => markHandled(tx, job, 'b') }, intervalMs: 0 });

      const crashed = a.drain();
      await batchClaimed.happened;
      expect((await b.drain()).claimed).toBe(0);
      await database.dataSource.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(30)%' AND pid <> pg_backend_pid()`);
      await expect(crashed).rejects.toThrow();

      expect((await b.drain()).claimed).toBe(4);
      const handled: { instance: string }[] = await database.dataSource.query(`SELECT instance FROM handled`);
      expect(handled.map((row) => row.instance)).toEqual(['b', 'b', 'b', 'b']);
    });

    it('fails the drain and backs off when the database refuses the claim, doubling the pause up to the cap', async () => {
      const broken = worker({
        name: 'jobs-broken',
        unitOfWork: first.unitOfWork,
        claim: claimDueRows({ table: 'no_such_table', dueWhen: 'due_at <= $1', orderBy: 'due_at' }) as never,
        processing: { mode: 'in-claim-transaction', handle: async () => 'done' },
        intervalMs: 0,
        backoffBaseMs: 1000,
        maxBackoffMs: 5000,
      });
      const pauses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        await expect(broken.drain()).rejects.toThrow('relation "no_such_table" does not exist');
        pauses.push(broken.health.nextPauseMs);
      }
      expect(pauses).toEqual([2000, 4000, 5000, 5000]);
      expect(broken.health.failuresInARow).toBe(4);
    });

    it('aborts the batch on a transient fault instead of blaming the item, so nothing of it commits', async () => {
      const [only] = await addJobs(1);
      const onFailure = jest.fn(async () => 'recorded');
      const a = worker({
        name: 'jobs-transient',
        unitOfWork: first.unitOfWork,
        claim: dueJobs,
        processing: {
          mode: 'in-claim-transaction',
          handle: async () => {
            throw Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' });
          },
          onFailure,
        },
        intervalMs: 0,
      });

      await expect(a.drain()).rejects.toThrow('could not serialize access');
      expect(onFailure).not.toHaveBeenCalled();
      const [row] = await database.dataSource.query(`SELECT status, attempts FROM jobs WHERE id = $1`, [only]);
      expect(row).toEqual({ status: 'pending', attempts: 0 });
      expect(a.health.failuresInARow).toBe(1);
    });

    it('stops gracefully: the batch in flight commits, stop() waits for it, and nothing more is claimed', async () => {
      await addJobs(6);
      const gate = signal();
      const inFlight = signal();
      const a = worker({
        name: 'jobs-stop',
        unitOfWork: first.unitOfWork,
        claim: dueJobs,
        processing: {
          mode: 'in-claim-transaction',
          handle: async (job, tx) => {
            inFlight.fire();
            await gate.happened;
            return markHandled(tx, job, 'a');
          },
        },
        intervalMs: 10,
        batchSize: 2,
      });
      a.start();
      await inFlight.happened;

      let stopped = false;
      const stopping = a.stop().then(() => (stopped = true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(stopped).toBe(false);
      gate.fire();
      await stopping;

      const [{ done }] = await database.dataSource.query(`SELECT count(*)::int AS done FROM jobs WHERE status = 'done'`);
      expect(done).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await handledCounts()).size).toBe(2);
    });
  });

  describe('handling items after a leased claim', () => {
    const LEASE_MS = 30_000;

    it('never lets two instances send the same row, holding no transaction while it is sent', async () => {
      const ids = await addJobs(40);
      const sent: string[] = [];
      const sender = (instance: Instance, name: string) =>
        worker({
          name,
          unitOfWork: instance.unitOfWork,
          claim: dueJobs,
          processing: {
            mode: 'after-claim',
            lease: jobLease,
            leaseMs: LEASE_MS,
            handle: async (job, claim) => {
              sent.push(job.id);
              await new Promise((resolve) => setTimeout(resolve, 2));
              const recorded = await claim.record((tx) => markHandled(tx, job, name));
              return recorded.held ? 'sent' : 'late';
            },
          },
          intervalMs: 0,
          batchSize: 3,
        });

      const [fromA, fromB] = await Promise.all([sender(first, 'send-a').drain(), sender(second, 'send-b').drain()]);

      expect([...sent].sort()).toEqual([...ids].sort());
      expect((fromA.outcomes.sent ?? 0) + (fromB.outcomes.sent ?? 0)).toBe(40);
      expect([...(await handledCounts()).values()].every((times) => times === 1)).toBe(true);
    });

    it('gives a row to another instance once the lease of one that died mid-batch runs out, and drops the late answer', async () => {
      const [job] = await addJobs(1);
      let lateClaim: { record: (write: (tx: Transaction) => Promise<string>) => Promise<{ held: boolean }> } | undefined;
      const dying = worker({
        name: 'send-dying',
        unitOfWork: first.unitOfWork,
        claim: dueJobs,
        processing: {
          mode: 'after-claim',
          lease: jobLease,
          leaseMs: LEASE_MS,
          handle: async (_job, claim) => {
            lateClaim = claim;
            // The process dies before it records anything: the connection to the mail server broke.
            throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
          },
        },
        intervalMs: 0,
      });
      await expect(dying.drain()).rejects.toThrow('ECONNRESET');

      const survivor = worker({
        name: 'send-survivor',
        unitOfWork: second.unitOfWork,
        claim: dueJobs,
        processing: { mode: 'after-claim', lease: jobLease, leaseMs: LEASE_MS, handle: async (due, claim) => ((await claim.record((tx) => markHandled(tx, due, 'survivor'))).held ? 'sent' : 'late') },
        intervalMs: 0,
      });
      now = new Date(now.getTime() + LEASE_MS - 1);
      expect((await survivor.drain()).claimed).toBe(0);
      now = new Date(now.getTime() + 1);
      expect(await survivor.drain()).toEqual({ claimed: 1, outcomes: { sent: 1 }, backlogged: false });

      if (!lateClaim) throw new Error('the dying instance never got its claim');
      const late = await lateClaim.record(async () => 'overwritten');
      expect(late).toEqual({ held: false });
      const handled: { instance: string }[] = await database.dataSource.query(`SELECT instance FROM handled WHERE job_id = $1`, [job]);
      expect(handled).toEqual([{ instance: 'survivor' }]);
    });

    it('records a permanent failure under the lease, and lets the item come due again without onFailure', async () => {
      const [job] = await addJobs(1);
      const refusing = (onFailure?: (item: Job, failure: { message: string }, tx: Transaction) => Promise<string>) =>
        worker({
          name: `send-refused-${onFailure ? 'recorded' : 'bare'}`,
          unitOfWork: first.unitOfWork,
          claim: dueJobs,
          processing: {
            mode: 'after-claim',
            lease: jobLease,
            leaseMs: LEASE_MS,
            handle: async () => {
              throw new Error('550 mailbox unavailable');
            },
            ...(onFailure ? { onFailure } : {}),
          },
          intervalMs: 0,
        });

      expect(await refusing().drain()).toEqual({ claimed: 1, outcomes: { failed: 1 }, backlogged: false });
      const [leased] = await database.dataSource.query(`SELECT due_at, attempts FROM jobs WHERE id = $1`, [job]);
      expect(leased).toEqual({ due_at: new Date(now.getTime() + LEASE_MS), attempts: 0 });

      now = new Date(now.getTime() + LEASE_MS);
      const recorded = await refusing(async (item, failure, tx) => {
        await entityManagerOf(tx).query(`UPDATE jobs SET status = 'failed', attempts = attempts + 1, last_error = $2 WHERE id = $1`, [item.id, failure.message]);
        return 'parked';
      }).drain();
      expect(recorded).toEqual({ claimed: 1, outcomes: { parked: 1 }, backlogged: false });
      const [parked] = await database.dataSource.query(`SELECT status, attempts, last_error FROM jobs WHERE id = $1`, [job]);
      expect(parked).toEqual({ status: 'failed', attempts: 1, last_error: '550 mailbox unavailable' });
    });
  });
});
