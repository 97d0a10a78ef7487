import { randomUUID } from 'node:crypto';
import { DAY_MS, inboxRetentionMs, RetentionSweeper } from '@cmp/messaging';
import { createScratchSchema, ScratchSchema } from '@cmp/testing';
import { SchedulingInstance, startScheduling } from './scheduling-test-app';

describe('scheduling retention', () => {
  const now = new Date('2028-03-01T10:00:00Z');
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  let schema: ScratchSchema;
  let scheduling: SchedulingInstance;

  beforeAll(async () => {
    schema = await createScratchSchema('scheduling_retention');
    scheduling = await startScheduling(schema, () => now);
  });

  afterAll(async () => {
    await scheduling?.close();
    await schema?.drop();
  });

  const sql = (text: string, values: unknown[] = []) => scheduling.dataSource.query(text, values);

  async function plan(status: 'active' | 'completed' | 'ended'): Promise<string> {
    const id = randomUUID();
    await sql(
      `INSERT INTO plans (id, match_id, cohort_id, mentee_id, mentor_id, confirmed_at, starts_on, ends_on, anchored_on, rhythm, planned_sessions, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, '2027-01-01', '2027-05-01', 'confirmation', '{}', '[]', $7, $6)`,
      [id, randomUUID(), randomUUID(), randomUUID(), randomUUID(), ago(500), status],
    );
    return id;
  }

  async function timer(planId: string, status: string, dueDaysAgo: number, firedDaysAgo: number | null): Promise<string> {
    const key = `test:${randomUUID()}`;
    await sql(`INSERT INTO timers (id, kind, dedupe_key, plan_id, due_at, payload, status, fired_at) VALUES ($1, 'stall-check', $2, $3, $4, '{}', $5, $6)`, [
      randomUUID(),
      key,
      planId,
      ago(dueDaysAgo),
      status,
      firedDaysAgo === null ? null : ago(firedDaysAgo),
    ]);
    return key;
  }

  it('deletes fired and cancelled timers of finished plans after 90 days, and nothing a plan may still need', async () => {
    const finished = await plan('completed');
    const goneFired = await timer(finished, 'fired', 200, 199);
    const goneCancelled = await timer(finished, 'cancelled', 150, null);
    const recentlyFired = await timer(finished, 'fired', 30, 30);
    const failed = await timer(finished, 'failed', 200, null);

    // A plan still running, or one whose follow-ups are pending, keeps its old rows: their keys
    // are what stops the same timer from being scheduled twice.
    const running = await plan('active');
    const ofRunning = await timer(running, 'fired', 200, 200);
    const awaitingFollowUp = await plan('completed');
    const ofAwaiting = await timer(awaitingFollowUp, 'fired', 200, 200);
    const pendingFollowUp = await timer(awaitingFollowUp, 'pending', -30, null);

    const deleted = await scheduling.app.get(RetentionSweeper).sweep();

    expect(deleted).toMatchObject({ 'fired-timers': 1, 'cancelled-timers': 1 });
    const left = (await sql('SELECT dedupe_key FROM timers')).map((row: { dedupe_key: string }) => row.dedupe_key);
    expect(left.sort()).toEqual([recentlyFired, failed, ofRunning, ofAwaiting, pendingFollowUp].sort());
    expect(left).not.toContain(goneFired);
    expect(left).not.toContain(goneCancelled);
  });

  it('keeps finished timers longer than the inbox keeps event ids', async () => {
    const policies = scheduling.app.get(RetentionSweeper).policies;
    expect(policies.map((policy) => policy.name)).toEqual(['inbox', 'fired-timers', 'cancelled-timers']);
    for (const policy of policies.filter((candidate) => candidate.table === 'timers')) expect(policy.keepForMs).toBeGreaterThan(inboxRetentionMs());
  });
});
