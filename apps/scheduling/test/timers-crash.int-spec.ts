import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Partitioners, Producer } from 'kafkajs';
import { FollowUpDue, MatchConfirmed, MentorshipCompleted, MentorshipStalled, toKafkaBinaryMessage } from '@cmp/contracts';
import { createKafka, TopicProvisioner } from '@cmp/messaging';
import { createScratchSchema, EventProbe, ScratchSchema, startTsProcess, testInfrastructure, TsProcess, uniqueSuffix, waitFor } from '@cmp/testing';
import { startScheduling } from './scheduling-test-app';

const PAIRS = 40;

describe('durable timers across crashes', () => {
  const infra = testInfrastructure();
  let schema: ScratchSchema;
  let producer: Producer;
  let probe: EventProbe;
  const workers: TsProcess[] = [];

  beforeAll(async () => {
    schema = await createScratchSchema('scheduling_crash');
    const kafka = createKafka({ brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clientId: 'scheduling-crash-test' });
    await new TopicProvisioner(kafka).ensure(['cmp.enrolment.events', 'cmp.matching.events', 'cmp.scheduling.events']);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    probe = await EventProbe.start(['cmp.scheduling.events']);
  });

  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await probe?.stop();
    await producer?.disconnect();
    await schema?.drop();
  });

  it('fires programme end, stall and follow-up once per pair while one of two worker processes is killed and restarted', async () => {
    // Plans from real MatchConfirmed events; the cohort is unknown, so each runs 10 Jan – 10 May 2027.
    const setup = await startScheduling(schema, () => new Date('2027-01-10T10:00:00Z'), `scheduling-crash-${uniqueSuffix()}`);
    const matchIds: string[] = Array.from({ length: PAIRS }, () => randomUUID());
    const cohortId = randomUUID();
    await producer.send({
      topic: MatchConfirmed.topic,
      messages: matchIds.map((matchId) => {
        const menteeId = randomUUID();
        const id = randomUUID();
        return toKafkaBinaryMessage(
          {
            specversion: '1.0',
            id,
            source: '/cmp/test',
            type: MatchConfirmed.type,
            time: new Date().toISOString(),
            subject: menteeId,
            datacontenttype: 'application/json',
            correlationid: id,
            data: { matchId, cohortId, menteeId, mentorId: randomUUID(), confirmedAt: '2027-01-10T10:00:00Z' },
          },
          menteeId,
        );
      }),
    });
    await waitFor(async () => Number((await setup.dataSource.query('SELECT count(*) FROM plans WHERE match_id = ANY($1)', [matchIds]))[0].count), (n) => n === PAIRS, {
      what: 'the plans',
    });
    const dataSource = setup.dataSource;
    const pendingDue = async () =>
      Number((await dataSource.query(`SELECT count(*) FROM timers t JOIN plans p ON p.id = t.plan_id WHERE p.match_id = ANY($1) AND t.status = 'pending' AND t.due_at <= $2`, [matchIds, '2027-05-11T12:00:00Z']))[0].count);

    // Two worker processes with their clocks a day after the programme ended; one is killed mid-poll and restarted.
    const env = { DATABASE_URL: schema.databaseUrl, SCHEDULING_SCHEMA: schema.name, KAFKA_BROKERS: infra.kafkaBrokers.join(','), CMP_TEST_NOW: '2027-05-11T12:00:00Z' };
    const entry = join(__dirname, 'timer-worker.process.ts');
    const start = async () => {
      const worker = await startTsProcess(entry, env, { readyLine: 'timer worker ready' });
      workers.push(worker);
      return worker;
    };
    const pair = await Promise.all([start(), start()]);
    // Whichever process fires first is killed while it works through the backlog.
    const [{ pid }] = await waitFor(
      () => dataSource.query(`SELECT split_part(fired_by, ':', 2) AS pid FROM timers WHERE fired_by IS NOT NULL LIMIT 1`) as Promise<{ pid: string }[]>,
      (rows) => rows.length > 0,
      { what: 'a worker to fire a timer', intervalMs: 5 },
    );
    const victim = pair.find((worker) => String(worker.child.pid) === pid) as TsProcess;
    expect(victim).toBeDefined();
    await victim.crash();
    await start();
    await waitFor(pendingDue, (n) => n === 0, { what: 'every due timer to fire' });

    const perMatch = async (type: string, extra: (data: Record<string, unknown>) => boolean = () => true) => {
      const events = await probe.expectExactly(
        (probed) => probed.event.type === type && matchIds.includes((probed.event.data as { matchId: string }).matchId) && extra(probed.event.data as Record<string, unknown>),
        PAIRS,
      );
      return new Set(events.map((probed) => (probed.event.data as { matchId: string }).matchId)).size === PAIRS && events.length === PAIRS;
    };
    expect(await perMatch(MentorshipCompleted.type)).toBe(true);
    expect(await perMatch(MentorshipStalled.type)).toBe(true);
    expect(await perMatch(FollowUpDue.type, (data) => data.monthsAfterCompletion === 0)).toBe(true);
    expect(Number((await dataSource.query(`SELECT count(*) FROM plans WHERE match_id = ANY($1) AND status = 'completed'`, [matchIds]))[0].count)).toBe(PAIRS);
    await setup.close();
  });
});
