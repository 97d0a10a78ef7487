import { Client } from 'pg';
import { CallGate, FaultDriver, OutageProbe } from './fault-driver';
import { ADMIN, CapturedMail, programmeFlow } from './programme-flow';

/**
 * The programme's flow (programme.int-spec.ts) once more, with two instances of every service
 * (gateway n in front of the n-th instance of each; the client sends its calls to both in turn)
 * while a driver SIGKILLs each service in turn and starts it again, stops the broker for 20 s and
 * cuts every service's database sessions twice. Each fault starts shortly after a step begins, so
 * it hits the events, timers, mail and webhooks that step sets off. At the end every effect must
 * exist exactly once and nothing may sit in a dead-letter topic.
 *
 * One run for both "scaled out" and "under faults": each claim needs the whole flow, and the
 * flow's minutes are most of the cost. A killed instance's twin serving meanwhile is also how
 * the design means the system to ride out a crash.
 */
const INSTANCES = 2;
const BROKER_OUTAGE_MS = 20_000;
/** Faults begin once the step's first calls are on their way. */
const FAULT_DELAY_MS = 1_500;

describe('the programme with two instances of every service, under faults', () => {
  const gate = new CallGate();
  const flow = programmeFlow({
    instances: INSTANCES,
    // Consumers come back from a broker outage with kafkajs's back-off, services from a kill in
    // tens of seconds on a busy machine: effects take longer than in the calm run.
    waitMs: 180_000,
    around: gate.around,
    retryUnavailableMs: 180_000,
    // Twelve services and a broker on a shared two-core machine: a restart can take minutes.
    readyTimeoutMs: 300_000,
    // A 503 then means "the service was not there" only: nothing is cut off for being slow.
    serviceEnv: { gateway: { GATEWAY_UPSTREAM_TIMEOUT_MS: '120000' } },
  });
  let driver: FaultDriver;

  beforeAll(async () => {
    await flow.start();
    const { system } = flow.state();
    driver = new FaultDriver(system, gate, [0, 1].map((instance) => system.url('gateway', instance)));
  }, 600_000);

  afterAll(async () => {
    if (driver) process.stderr.write(`\n===== faults\n${driver.log.join('\n')}\n`);
    await flow.stop();
  }, 300_000);

  it('runs every step, every effect happens exactly once, nothing is dead-lettered, and the gateways answer while the broker is away', async () => {
    const sessionsCut: number[] = [];
    let outage: OutageProbe[] = [];
    // Each service killed once (instance 0; instance 1 serves meanwhile), the broker stopped once
    // and the database sessions cut twice, spread over the steps that set off the most work.
    const faultDuring: Record<number, () => Promise<unknown>> = {
      0: () => driver.crash('notifications', 0),
      1: async () => {
        await driver.crash('enrolment', 0);
        await driver.crash('matching', 0);
        sessionsCut.push(await driver.cutDatabaseSessions());
      },
      2: async () => (outage = await driver.brokerOutage(BROKER_OUTAGE_MS, ADMIN)),
      3: () => driver.crash('scheduling', 0),
      4: async () => {
        await driver.crash('evaluation', 0);
        sessionsCut.push(await driver.cutDatabaseSessions());
      },
      5: () => driver.crash('gateway', 0),
    };
    const [beforeErasure, afterwards] = [flow.steps.slice(0, 7), flow.steps.slice(7)];
    for (const [index, step] of beforeErasure.entries()) {
      const fault = faultDuring[index];
      await Promise.all([step.run(), fault ? new Promise((resolve) => setTimeout(resolve, FAULT_DELAY_MS)).then(fault) : undefined]);
    }

    expect(driver.log.filter((line) => line.includes(' killed '))).toHaveLength(6);
    expect(sessionsCut).toHaveLength(2);
    for (const cut of sessionsCut) expect(cut).toBeGreaterThan(0);
    // Every gateway was asked both questions while the broker was away, and answered each time.
    expect(new Set(outage.map((probe) => probe.what)).size).toBe(INSTANCES * 2);
    expect(outage.filter((probe) => probe.status !== 200)).toEqual([]);

    await expectEveryEffectOnce();
    expect(await driver.deadLetters()).toEqual({});
    for (const step of afterwards) await step.run();
    expect(await driver.deadLetters()).toEqual({});
  }, 1_800_000);

  /** What the flow's steps saw at least once, counted: never twice. */
  async function expectEveryEffectOnce(): Promise<void> {
    const { system, mail, mentee, matchedMentor, matchId, cohort } = flow.state();
    const menteeMail = await mail.to(mentee.email);
    const mentorMail = await mail.to(matchedMentor.email);
    const count = (mails: CapturedMail[], subject: RegExp) => new Set(mails.filter((found) => subject.test(found.subject)).map((found) => found.messageId ?? found.id)).size;
    expect({
      notice: count(menteeMail, /^Someone used your email address/),
      introduction: count(menteeMail, /^Meet /),
      invitation: count(menteeMail, /^Session with /),
      completion: count(menteeMail, /^Congratulations on completing the programme/),
      surveys: count(menteeMail, /^How are things going\?/),
    }).toEqual({ notice: 1, introduction: 1, invitation: 1, completion: 1, surveys: 3 });
    expect({ introduction: count(mentorMail, /^Meet /), invitation: count(mentorMail, /^Session with /) }).toEqual({ introduction: 1, invitation: 1 });
    // No mail went out twice as two messages (an event handled twice would make a second one).
    for (const mails of [menteeMail, mentorMail]) {
      const byContent = new Map<string, Set<string>>();
      for (const found of mails) byContent.set(`${found.subject}\n${found.text}`, (byContent.get(`${found.subject}\n${found.text}`) ?? new Set()).add(found.messageId ?? found.id));
      expect([...byContent.entries()].filter(([, ids]) => ids.size > 1).map(([content]) => content.split('\n')[0])).toEqual([]);
    }

    const database = new Client({ connectionString: system.adminDatabaseUrl });
    await database.connect();
    try {
      const one = async (sql: string, values: unknown[]) => Number((await database.query<{ n: string }>(sql, values)).rows[0].n);
      // One proposal, confirmed and by now completed: a second row would be a match made twice.
      expect({
        matches: await one(`SELECT count(*) AS n FROM matching.matches WHERE mentee_id = $1`, [mentee.id]),
        plans: await one(`SELECT count(*) AS n FROM scheduling.plans WHERE match_id = $1`, [matchId]),
        sessions: await one(`SELECT count(*) AS n FROM scheduling.sessions WHERE match_id = $1`, [matchId]),
      }).toEqual({ matches: 1, plans: 1, sessions: 1 });
      // The mentee is invited to several kinds of survey; each kind once.
      const invitations = await database.query<{ kind: string; n: string }>(
        `SELECT kind, count(*) AS n FROM evaluation.invitations WHERE cohort_id = $1 AND role = 'mentee' GROUP BY kind`,
        [cohort.id],
      );
      expect(invitations.rows.length).toBeGreaterThanOrEqual(3);
      expect(invitations.rows.filter((row) => Number(row.n) !== 1)).toEqual([]);
      // No outbox row was given up on either.
      for (const schema of ['enrolment', 'matching', 'scheduling', 'notifications', 'evaluation', 'gateway']) {
        expect([schema, await one(`SELECT count(*) AS n FROM ${schema}.outbox WHERE parked_at IS NOT NULL`, [])]).toEqual([schema, 0]);
      }
    } finally {
      await database.end();
    }
  }
});
