import { DataSource } from 'typeorm';
import { deadLetterTopic, eventsTopic } from '@cmp/contracts';
import { DAY_MS, DEFAULT_TOPIC_SETTINGS, inboxRetentionMs, inboxRetentionPolicy, RetentionSweeper, topicConfigEntries } from '../src';
import { openSampleDatabase, SampleDatabase } from './sample/sample-database';

const NOW = new Date('2026-06-01T12:00:00Z');
const clock = () => NOW;
const agoMs = (ms: number) => new Date(NOW.getTime() - ms);

describe('retention policies', () => {
  let database: SampleDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await openSampleDatabase('retention');
    dataSource = database.dataSource;
    await dataSource.query(`CREATE TABLE jobs (id bigserial PRIMARY KEY, status text NOT NULL, finished_at timestamptz NOT NULL)`);
  });

  afterAll(async () => {
    await database?.close();
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE inbox, jobs');
  });

  /** `count` inbox rows processed `ageMs` ago, one millisecond apart so their order is known. */
  const processed = (prefix: string, count: number, ageMs: number) =>
    dataSource.query(
      `INSERT INTO inbox (consumer_group, event_id, event_type, processed_at)
       SELECT 'group', $1 || n, 'dk.cmp.sample.thing.v1', $2::timestamptz - make_interval(secs => n / 1000.0)
       FROM generate_series(1, $3) AS n`,
      [prefix, agoMs(ageMs), count],
    );
  const inboxIds = async (): Promise<string[]> => (await dataSource.query('SELECT event_id FROM inbox ORDER BY processed_at')).map((row: { event_id: string }) => row.event_id);

  it('keeps processed ids longer than an event or a dead letter can come back', () => {
    const events = topicConfigEntries(eventsTopic('sample'));
    const letters = topicConfigEntries(deadLetterTopic('sample'));
    expect(events).toEqual([{ name: 'retention.ms', value: String(DEFAULT_TOPIC_SETTINGS.eventRetentionMs) }]);
    expect(letters).toEqual([{ name: 'retention.ms', value: String(DEFAULT_TOPIC_SETTINGS.deadLetterRetentionMs) }]);
    expect(inboxRetentionMs()).toBeGreaterThan(DEFAULT_TOPIC_SETTINGS.eventRetentionMs);
    expect(inboxRetentionMs()).toBeGreaterThan(DEFAULT_TOPIC_SETTINGS.deadLetterRetentionMs);
    // A longer topic retention lengthens the inbox's with it.
    expect(inboxRetentionMs({ ...DEFAULT_TOPIC_SETTINGS, eventRetentionMs: 90 * DAY_MS })).toBeGreaterThan(90 * DAY_MS);
  });

  it('deletes aged inbox rows oldest first in bounded batches and keeps the young ones', async () => {
    const keepFor = inboxRetentionMs();
    await processed('old-', 2_500, keepFor + DAY_MS);
    await processed('young-', 10, keepFor - DAY_MS);
    const sweeper = new RetentionSweeper(dataSource, [inboxRetentionPolicy()], { schema: database.schema.name, intervalMs: 0, batchSize: 1_000, maxBatchesPerRound: 2 }, clock);

    // Two batches of 1 000 per round: the oldest 2 000 go first, the rest waits for the next round.
    expect(await sweeper.sweep()).toEqual({ inbox: 2_000 });
    const left = await inboxIds();
    expect(left).toHaveLength(510);
    expect(left.slice(0, 500).every((id) => id.startsWith('old-'))).toBe(true);
    expect(left.slice(0, 500)).not.toContain('old-2500');
    expect(left).toContain('old-1');

    expect(await sweeper.sweep()).toEqual({ inbox: 500 });
    expect((await inboxIds()).sort()).toEqual(Array.from({ length: 10 }, (_, n) => `young-${n + 1}`).sort());
    expect(await sweeper.sweep()).toEqual({ inbox: 0 });
  });

  it('deletes only the rows a policy\'s condition allows', async () => {
    await dataSource.query(
      `INSERT INTO jobs (status, finished_at) VALUES ('done', $1), ('done', $1), ('running', $1), ('done', $2)`,
      [agoMs(40 * DAY_MS), agoMs(10 * DAY_MS)],
    );
    const policy = { name: 'finished-jobs', table: 'jobs', agedBy: 'finished_at', keepForMs: 30 * DAY_MS, onlyWhere: `aged.status = 'done'` };
    const sweeper = new RetentionSweeper(dataSource, [policy], { schema: database.schema.name, intervalMs: 0 }, clock);

    expect(await sweeper.sweep()).toEqual({ 'finished-jobs': 2 });
    const left: { status: string }[] = await dataSource.query('SELECT status FROM jobs ORDER BY finished_at');
    expect(left.map((row) => row.status)).toEqual(['running', 'done']);
  });

  it('lets two instances sweep at once without waiting on each other or deleting a row twice', async () => {
    const keepFor = inboxRetentionMs();
    await processed('old-', 3_000, keepFor + DAY_MS);
    const instance = () => new RetentionSweeper(dataSource, [inboxRetentionPolicy()], { schema: database.schema.name, intervalMs: 0, batchSize: 200 }, clock);

    const [first, second] = await Promise.all([instance().sweep(), instance().sweep()]);
    expect(first.inbox + second.inbox).toBe(3_000);
    expect(await inboxIds()).toEqual([]);
  });

  it('refuses a policy that names something other than a table and column', () => {
    expect(
      () => new RetentionSweeper(dataSource, [{ name: 'bad', table: 'inbox; DROP TABLE outbox', agedBy: 'processed_at', keepForMs: DAY_MS }], { schema: 'x', intervalMs: 0 }, clock),
    ).toThrow(/invalid table or column/);
  });
});
