import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { Partitioners, Producer } from 'kafkajs';
import { Client } from 'pg';
import request from 'supertest';
import {
  CohortScheduled,
  EventContract,
  FollowUpDue,
  MatchConfirmed,
  MatchEnded,
  MenteePlaced,
  MentorRegistered,
  MentorshipCompleted,
  MentorshipStalled,
  MentorWithdrew,
  PersonErased,
  PlanCreated,
  PlanUpdated,
  SessionCancelled,
  SessionCompleted,
  SessionConfirmed,
  SessionNoShow,
  SessionReminderDue,
  SessionRescheduled,
  toKafkaBinaryMessage,
} from '@cmp/contracts';
import { createKafka, TopicProvisioner } from '@cmp/messaging';
import { createScratchSchema, EventProbe, hopSigning, menteeProfile, mentorProfile, ProbedEvent, ScratchSchema, testInfrastructure, uniqueSuffix, waitFor } from '@cmp/testing';
import { SchedulingInstance, startScheduling } from './scheduling-test-app';

describe('scheduling service', () => {
  const infra = testInfrastructure();
  let now = new Date('2027-01-20T10:00:00Z');
  const clock = () => now;
  let schema: ScratchSchema;
  let first: SchedulingInstance;
  let second: SchedulingInstance;
  let producer: Producer;
  let probe: EventProbe;

  beforeAll(async () => {
    schema = await createScratchSchema('scheduling');
    const kafka = createKafka({ brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clientId: 'scheduling-test' });
    await new TopicProvisioner(kafka).ensure(['cmp.enrolment.events', 'cmp.matching.events', 'cmp.scheduling.events']);
    first = await startScheduling(schema, clock, `scheduling-test-${uniqueSuffix()}`);
    // A second instance on the same schema, as `--scale scheduling=2` runs it: it fires timers too.
    second = await startScheduling(schema, clock);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    probe = await EventProbe.start(['cmp.scheduling.events']);
  });

  afterAll(async () => {
    await probe?.stop();
    await producer?.disconnect();
    await second?.close();
    await first?.close();
    await schema?.drop();
  });

  async function publish<T extends object>(contract: EventContract<T>, key: string, data: T): Promise<void> {
    const id = randomUUID();
    const event = {
      specversion: '1.0' as const,
      id,
      source: '/cmp/test',
      type: contract.type,
      time: new Date().toISOString(),
      subject: key,
      datacontenttype: 'application/json' as const,
      correlationid: id,
      data,
    };
    await producer.send({ topic: contract.topic, messages: [toKafkaBinaryMessage(event, key)] });
  }

  const http = () => request(hopSigning(first.app, 'scheduling'));
  const sql = (text: string, values: unknown[] = []) => first.dataSource.query(text, values);
  const ofMatch = (type: string, matchId: string, extra: (data: Record<string, unknown>) => boolean = () => true) => (probed: ProbedEvent) =>
    probed.event.type === type && (probed.event.data as { matchId: string }).matchId === matchId && extra(probed.event.data as Record<string, unknown>);
  // Both instances poll at the same moment. The topics hold earlier runs' events too, which
  // this consumer group replays into plans of their own, so assertions look at this test's rows.
  const fireOnBoth = () => Promise.all([first.runDueTimers(), second.runDueTimers()]);
  const remindersOf = async (sessionId: string) =>
    (await sql(`SELECT payload->>'leadTime' AS lead, status FROM timers WHERE session_id = $1 AND kind = 'session-reminder' AND status <> 'cancelled' ORDER BY due_at`, [sessionId])) as {
      lead: string;
      status: string;
    }[];
  const parseFeed = (ics: string) => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone') as ICAL.Component);
    return calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return { uid: event.uid, sequence: event.sequence, start: event.startDate.toJSDate().toISOString(), tzid: event.startDate.zone?.tzid, status: component.getFirstPropertyValue('status') };
    });
  };
  const utc = (iso: string, minutes = 60) => ({ startsAt: iso, endsAt: new Date(new Date(iso).getTime() + minutes * 60_000).toISOString() });

  it('plans a confirmed match, runs its sessions and fires every timer exactly once with two instances and a restart', async () => {
    const [cohortId, matchId, menteeId, mentorId, strangerId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const mentee = `mentee:${menteeId}`;
    const mentor = `mentor:${mentorId}`;
    await publish(CohortScheduled, cohortId, {
      cohortId, name: 'Spring 2027', startsOn: '2027-02-01', endsOn: '2027-06-01', applicationDeadline: '2027-01-15', capacity: 10, excludeMentorsFromReferringOrganisation: false,
    });
    await publish(MenteePlaced, menteeId, { menteeId, cohortId, profile: menteeProfile() });
    await publish(MentorRegistered, mentorId, { mentorId, profile: mentorProfile(cohortId) });
    await waitFor(async () => Number((await sql('SELECT count(*) FROM person_availability WHERE person_id = ANY($1)', [[menteeId, mentorId]]))[0].count), (n) => n === 2, { what: 'availability' });
    await waitFor(async () => (await sql('SELECT count(*) FROM cohorts WHERE id = $1', [cohortId]))[0].count, (n) => n === '1', { what: 'cohort' });

    // A confirmed match gets its plan from the cohort's start, on the pair's shared Tuesday hour.
    await publish(MatchConfirmed, menteeId, { matchId, cohortId, menteeId, mentorId, confirmedAt: now.toISOString() });
    const [created] = await probe.expectExactly(ofMatch(PlanCreated.type, matchId), 1);
    expect(created.event.data).toMatchObject({ startsOn: '2027-02-01', endsOn: '2027-06-01' });
    const plan = (await http().get(`/matches/${matchId}/plan`).set('x-actor', mentee).expect(200)).body;
    expect(plan.plannedSessions[0]).toMatchObject({ number: 1, theme: 'kick-off', suggestedOn: '2027-02-02', suggestedStartsAt: '2027-02-02T16:00:00.000Z' });
    expect(plan.plannedSessions[0].suggestedStartsAtLocal).toBe('2027-02-02T17:00:00.000+01:00');
    // After the March change the same local hour is an hour earlier in UTC.
    expect(plan.plannedSessions.find((session: { suggestedOn: string }) => session.suggestedOn === '2027-03-30').suggestedStartsAt).toBe('2027-03-30T15:00:00.000Z');
    await http().get(`/matches/${matchId}/plan`).set('x-actor', `mentee:${strangerId}`).expect(403);
    await http().get(`/matches/${matchId}/plan`).expect(401);

    // The mentor proposes two Tuesday slots; refused requests write nothing.
    now = new Date('2027-02-01T08:00:00Z');
    const sessionsBefore = Number((await sql('SELECT count(*) FROM sessions'))[0].count);
    const wednesday = await http().post(`/matches/${matchId}/sessions`).set('x-actor', mentor).send({ slots: [utc('2027-02-03T16:00:00Z')], mode: 'online', link: 'https://meet.example/a' }).expect(422);
    expect(wednesday.headers['content-type']).toContain('application/problem+json');
    expect(wednesday.body).toMatchObject({ type: 'https://cmp.dk/problems/scheduling/invalid-schedule', party: 'mentee' });
    await http().post(`/matches/${matchId}/sessions`).set('x-actor', mentor).send({ slots: [utc('2027-02-02T16:00:00')], mode: 'online', link: 'https://meet.example/a' }).expect(400);
    await http().post(`/matches/${matchId}/sessions`).set('x-actor', mentor).send({ slots: [utc('2027-02-02T16:00:00Z')], mode: 'in-person' }).expect(422);
    await http().post(`/matches/${matchId}/sessions`).set('x-actor', `mentor:${strangerId}`).send({ slots: [utc('2027-02-02T16:00:00Z')], mode: 'online', link: 'https://meet.example/a' }).expect(403);
    expect(Number((await sql('SELECT count(*) FROM sessions'))[0].count)).toBe(sessionsBefore);

    const proposed = (
      await http().post(`/matches/${matchId}/sessions`).set('x-actor', mentor).send({ slots: [utc('2027-02-09T16:00:00Z'), utc('2027-02-02T16:00:00Z')], mode: 'online', link: 'https://meet.example/kick-off', theme: 'kick-off' }).expect(201)
    ).body;
    expect(proposed).toMatchObject({ status: 'proposed', proposedBy: 'mentor' });
    expect(proposed.slots.map((slot: { startsAtLocal: string }) => slot.startsAtLocal)).toEqual(['2027-02-02T17:00:00.000+01:00', '2027-02-09T17:00:00.000+01:00']);
    await http().post(`/sessions/${proposed.id}/confirm`).set('x-actor', mentor).send({ startsAt: '2027-02-02T16:00:00Z' }).expect(409);
    const confirmed = (await http().post(`/sessions/${proposed.id}/confirm`).set('x-actor', mentee).send({ startsAt: '2027-02-02T16:00:00Z' }).expect(200)).body;
    expect(confirmed).toMatchObject({ status: 'confirmed', startsAt: '2027-02-02T16:00:00.000Z', startsAtLocal: '2027-02-02T17:00:00.000+01:00', sequence: 0 });

    // Another session over the same hour is refused for the mentor, with a clear problem.
    const clash = await http().post(`/matches/${matchId}/sessions`).set('x-actor', mentee).send({ slots: [utc('2027-02-02T16:30:00Z')], mode: 'online', link: 'https://meet.example/b' }).expect(409);
    expect(clash.body).toMatchObject({ type: 'https://cmp.dk/problems/scheduling/overlapping-session', conflictingSessionId: proposed.id });

    // The mentee subscribes to a secret feed; rescheduling keeps the UID and raises SEQUENCE.
    const feed = (await http().post(`/people/${menteeId}/calendar-feed`).set('x-actor', mentee).expect(201)).body;
    await http().post(`/people/${menteeId}/calendar-feed`).set('x-actor', mentor).expect(403);
    const initial = await http().get(feed.path).expect(200);
    expect(initial.headers['content-type']).toContain('text/calendar');
    expect(parseFeed(initial.text)).toEqual([{ uid: `${proposed.id}@cmp`, sequence: 0, start: '2027-02-02T16:00:00.000Z', tzid: 'Europe/Copenhagen', status: 'CONFIRMED' }]);
    expect(JSON.stringify(await sql('SELECT * FROM feed_tokens'))).not.toContain(feed.token);

    const moved = (await http().post(`/sessions/${proposed.id}/reschedule`).set('x-actor', mentor).send({ ...utc('2027-02-09T16:00:00Z'), reason: 'travel' }).expect(200)).body;
    expect(moved).toMatchObject({ status: 'confirmed', startsAt: '2027-02-09T16:00:00.000Z', sequence: 1 });
    expect(moved.history.map((step: { action: string }) => step.action)).toEqual(['proposed', 'confirmed', 'rescheduled']);
    expect(moved.history[1].startsAt).toBe('2027-02-02T16:00:00.000Z');

    // A second session is agreed and then cancelled: the feed keeps it as CANCELLED.
    const other = (await http().post(`/matches/${matchId}/sessions`).set('x-actor', mentee).send({ slots: [utc('2027-02-16T16:00:00Z')], mode: 'in-person', place: 'Café Norden' }).expect(201)).body;
    await http().post(`/sessions/${other.id}/confirm`).set('x-actor', mentor).send({ startsAt: '2027-02-16T16:00:00Z' }).expect(200);
    await http().post(`/sessions/${other.id}/cancel`).set('x-actor', mentee).send({ reason: 'a job interview that day' }).expect(200);
    await http().post(`/sessions/${other.id}/cancel`).set('x-actor', mentee).send({ reason: 'again' }).expect(409);
    const entries = parseFeed((await http().get(feed.path).expect(200)).text);
    expect(entries).toEqual([
      { uid: `${proposed.id}@cmp`, sequence: 1, start: '2027-02-09T16:00:00.000Z', tzid: 'Europe/Copenhagen', status: 'CONFIRMED' },
      { uid: `${other.id}@cmp`, sequence: 1, start: '2027-02-16T16:00:00.000Z', tzid: 'Europe/Copenhagen', status: 'CANCELLED' },
    ]);
    expect((await probe.expectExactly(ofMatch(SessionConfirmed.type, matchId), 2)).length).toBe(2);
    expect((await probe.expectExactly(ofMatch(SessionRescheduled.type, matchId), 1))[0].event.data).toMatchObject({ sequence: 1, previousStartsAt: '2027-02-02T16:00:00.000Z', rescheduledBy: 'mentor' });
    expect((await probe.expectExactly(ofMatch(SessionCancelled.type, matchId), 1))[0].event.data).toMatchObject({ sessionId: other.id, sequence: 1, cancelledBy: 'mentee' });

    // 24 h before: both instances poll at once; the reminder fires once, for the new time only.
    now = new Date('2027-02-08T16:30:00Z');
    await fireOnBoth();
    const dayBefore = await probe.expectExactly(ofMatch(SessionReminderDue.type, matchId), 1);
    expect(dayBefore[0].event.data).toMatchObject({ leadTime: '24h', sequence: 1, startsAt: '2027-02-09T16:00:00.000Z' });

    // One instance restarts; a timer held by a transaction elsewhere is skipped, not lost.
    await second.close();
    second = await startScheduling(schema, clock);
    now = new Date('2027-02-09T15:30:00Z');
    const holder = new Client({ connectionString: schema.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM "${schema.name}".timers WHERE kind = 'session-reminder' AND status = 'pending' AND session_id = $1 FOR UPDATE`, [proposed.id]);
      await fireOnBoth();
      expect(await remindersOf(proposed.id)).toEqual([
        { lead: '24h', status: 'fired' },
        { lead: '1h', status: 'pending' },
      ]);
      await holder.query('ROLLBACK');
    } finally {
      await holder.end();
    }
    await fireOnBoth();
    await fireOnBoth();
    expect(await remindersOf(proposed.id)).toEqual([
      { lead: '24h', status: 'fired' },
      { lead: '1h', status: 'fired' },
    ]);
    expect((await probe.expectExactly(ofMatch(SessionReminderDue.type, matchId), 2)).map((probed) => (probed.event.data as { leadTime: string }).leadTime)).toEqual(['24h', '1h']);

    // The session is held and logged; only counts leave the service.
    now = new Date('2027-02-09T17:05:00Z');
    await http().post(`/sessions/${proposed.id}/complete`).set('x-actor', mentor).send({ topics: [] , nextSteps: 'x', introductions: [] }).expect(400);
    const held = (
      await http().post(`/sessions/${proposed.id}/complete`).set('x-actor', mentor).send({ topics: ['CV to Danish expectations'], nextSteps: 'Rewrite the summary', introductions: ['Lars at Novo', 'Mette at Ørsted'] }).expect(200)
    ).body;
    expect(held.log).toMatchObject({ introductionsMade: 2, nextSteps: 'Rewrite the summary' });
    const [completedSession] = await probe.expectExactly(ofMatch(SessionCompleted.type, matchId), 1);
    expect(completedSession.event.data).toMatchObject({ sessionsHeld: 1, introductionsMade: 2 });
    expect(JSON.stringify(completedSession.event.data)).not.toContain('Novo');

    // Three weeks without a session: one stall, however many instances poll.
    now = new Date('2027-03-03T08:00:00Z');
    await fireOnBoth();
    const [stalled] = await probe.expectExactly(ofMatch(MentorshipStalled.type, matchId), 1);
    expect(stalled.event.data).toMatchObject({ reason: 'inactive', lastSessionOn: '2027-02-09', daysWithoutSession: 22 });
    const overview = (await http().get(`/cohorts/${cohortId}/overview`).set('x-actor', 'coordinator:7').expect(200)).body;
    expect(overview).toMatchObject({ pairs: 1, pairsAtRisk: 1, sessionsHeld: 1 });
    expect(overview.perPair[0]).toMatchObject({ matchId, sessionsHeld: 1, cancelled: 1, atRisk: true, risk: { reason: 'inactive' } });
    await http().get(`/cohorts/${cohortId}/overview`).set('x-actor', mentor).expect(403);

    // Programme end: scheduling's own MentorshipCompleted, then the follow-ups at 0, 3 and 6 months.
    now = new Date('2027-06-02T00:30:00Z');
    await fireOnBoth();
    const [completed] = await probe.expectExactly(ofMatch(MentorshipCompleted.type, matchId), 1);
    expect(completed.event.data).toMatchObject({ completedOn: '2027-06-01', sessionsHeld: 1 });
    await probe.expectExactly(ofMatch(FollowUpDue.type, matchId), 1);
    now = new Date('2027-09-01T07:30:00Z');
    await fireOnBoth();
    now = new Date('2027-12-01T09:00:00Z');
    await fireOnBoth();
    await fireOnBoth();
    const followUps = await probe.expectExactly(ofMatch(FollowUpDue.type, matchId), 3);
    expect(followUps.map((probed) => [(probed.event.data as { monthsAfterCompletion: number }).monthsAfterCompletion, (probed.event.data as { dueOn: string }).dueOn])).toEqual([
      [0, '2027-06-01'],
      [3, '2027-09-01'],
      [6, '2027-12-01'],
    ]);
    // Matching echoes the completion; it changes nothing here.
    await publish(MatchEnded, menteeId, { matchId, cohortId, menteeId, mentorId, reason: 'completed' });
    await probe.expectExactly(ofMatch(MentorshipCompleted.type, matchId), 1);
    expect((await http().get(`/matches/${matchId}/plan`).set('x-actor', 'admin:1').expect(200)).body.status).toBe('completed');
    await http().delete(`/people/${menteeId}/calendar-feed`).set('x-actor', mentee).expect(204);
    await http().get(feed.path).expect(404);
  });

  it('moves a plan confirmed before its cohort was known, and stops plans on withdrawal and erasure', async () => {
    const [cohortId, matchId, menteeId, mentorId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    now = new Date('2027-01-10T10:00:00Z');
    await publish(MatchConfirmed, menteeId, { matchId, cohortId, menteeId, mentorId, confirmedAt: now.toISOString() });
    await probe.expectExactly(ofMatch(PlanCreated.type, matchId), 1, 0);
    const early = (await http().get(`/matches/${matchId}/plan`).set('x-actor', 'coordinator:1').expect(200)).body;
    expect(early).toMatchObject({ startsOn: '2027-01-10', endsOn: '2027-05-10' });

    await publish(CohortScheduled, cohortId, {
      cohortId, name: 'Spring 2027 B', startsOn: '2027-02-01', endsOn: '2027-06-01', applicationDeadline: '2027-01-15', capacity: 10, excludeMentorsFromReferringOrganisation: false,
    });
    await waitFor(async () => (await http().get(`/matches/${matchId}/plan`).set('x-actor', 'coordinator:1')).body.startsOn, (startsOn) => startsOn === '2027-02-01', { what: 'the plan to move' });
    const [updated] = await probe.expectExactly(ofMatch(PlanUpdated.type, matchId), 1);
    expect(updated.event.data).toMatchObject({ startsOn: '2027-02-01', endsOn: '2027-06-01' });
    const [planRow] = await sql('SELECT id, ends_on FROM plans WHERE match_id = $1', [matchId]);
    const pendingEnds = await sql(`SELECT due_at FROM timers WHERE plan_id = $1 AND kind = 'programme-end' AND status = 'pending'`, [planRow.id]);
    expect(pendingEnds.map((row: { due_at: Date }) => new Date(row.due_at).toISOString())).toEqual(['2027-06-01T22:00:00.000Z']);

    // A held session with notes, and a future one.
    now = new Date('2027-02-02T08:00:00Z');
    const held = (await http().post(`/matches/${matchId}/sessions`).set('x-actor', `mentor:${mentorId}`).send({ slots: [utc('2027-02-02T09:00:00Z')], mode: 'in-person', place: 'Café Norden' }).expect(201)).body;
    await http().post(`/sessions/${held.id}/confirm`).set('x-actor', 'coordinator:1').send({ startsAt: '2027-02-02T09:00:00Z' }).expect(200);
    now = new Date('2027-02-02T10:30:00Z');
    await http().post(`/sessions/${held.id}/complete`).set('x-actor', `mentee:${menteeId}`).send({ topics: ['strategy'], nextSteps: 'call Lars', introductions: ['Lars'] }).expect(200);
    const future = (await http().post(`/matches/${matchId}/sessions`).set('x-actor', 'coordinator:1').send({ onBehalfOf: 'mentee', slots: [utc('2027-02-16T09:00:00Z')], mode: 'online', link: 'https://meet.example/c' }).expect(201)).body;
    await http().post(`/sessions/${future.id}/confirm`).set('x-actor', `mentor:${mentorId}`).send({ startsAt: '2027-02-16T09:00:00Z' }).expect(200);

    // A missed session is recorded as a no-show.
    const missed = (await http().post(`/matches/${matchId}/sessions`).set('x-actor', `mentee:${menteeId}`).send({ slots: [utc('2027-02-02T11:00:00Z')], mode: 'online', link: 'https://meet.example/m' }).expect(201)).body;
    await http().post(`/sessions/${missed.id}/confirm`).set('x-actor', `mentor:${mentorId}`).send({ startsAt: '2027-02-02T11:00:00Z' }).expect(200);
    await http().post(`/sessions/${missed.id}/no-show`).set('x-actor', `mentor:${mentorId}`).send({ absent: 'mentee' }).expect(409);
    now = new Date('2027-02-02T12:30:00Z');
    await http().post(`/sessions/${missed.id}/no-show`).set('x-actor', `mentor:${mentorId}`).send({ absent: 'someone' }).expect(400);
    expect((await http().post(`/sessions/${missed.id}/no-show`).set('x-actor', `mentor:${mentorId}`).send({ absent: 'mentee' }).expect(200)).body).toMatchObject({ status: 'no-show', absent: 'mentee' });
    expect((await probe.expectExactly(ofMatch(SessionNoShow.type, matchId), 1, 0))[0].event.data).toMatchObject({ sessionId: missed.id, absent: 'mentee' });
    const listed = (await http().get(`/matches/${matchId}/sessions`).set('x-actor', `mentee:${menteeId}`).expect(200)).body;
    expect(listed.map((session: { id: string; status: string }) => [session.id, session.status])).toEqual([
      [held.id, 'completed'],
      [missed.id, 'no-show'],
      [future.id, 'confirmed'],
    ]);

    // The same mentor takes a second mentee: their diaries are shared across mentorships.
    const [otherMatch, otherMentee] = [randomUUID(), randomUUID()];
    await publish(MatchConfirmed, otherMentee, { matchId: otherMatch, cohortId, menteeId: otherMentee, mentorId, confirmedAt: now.toISOString() });
    await probe.expectExactly(ofMatch(PlanCreated.type, otherMatch), 1, 0);
    const busy = await http().post(`/matches/${otherMatch}/sessions`).set('x-actor', `mentee:${otherMentee}`).send({ slots: [utc('2027-02-16T09:30:00Z')], mode: 'online', link: 'https://meet.example/d' }).expect(409);
    expect(busy.body).toMatchObject({ type: 'https://cmp.dk/problems/scheduling/overlapping-session', party: 'mentor', conflictingSessionId: future.id });

    // Erasure: the plan stops, the future session is cancelled, the notes go, the counts stay.
    await publish(PersonErased, menteeId, { personId: menteeId, role: 'mentee', erasedAt: now.toISOString() });
    const [cancelled] = await probe.expectExactly(ofMatch(SessionCancelled.type, matchId), 1);
    expect(cancelled.event.data).toMatchObject({ sessionId: future.id, cancelledBy: 'system' });
    const [row] = await sql('SELECT status, topics, next_steps, introductions, place, introductions_made FROM sessions WHERE id = $1', [held.id]);
    expect(row).toEqual({ status: 'completed', topics: null, next_steps: null, introductions: null, place: null, introductions_made: 1 });
    expect(await sql(`SELECT kind FROM timers WHERE plan_id = $1 AND status = 'pending'`, [planRow.id])).toEqual([]);
    expect((await http().get(`/matches/${matchId}/plan`).set('x-actor', 'coordinator:1').expect(200)).body).toMatchObject({ status: 'ended', endedReason: 'erased', sessionsHeld: 1 });

    // The mentor's time is free again; then the mentor withdraws and the booking is cancelled.
    const booked = (await http().post(`/matches/${otherMatch}/sessions`).set('x-actor', `mentee:${otherMentee}`).send({ slots: [utc('2027-02-16T09:30:00Z')], mode: 'online', link: 'https://meet.example/d' }).expect(201)).body;
    await http().post(`/sessions/${booked.id}/confirm`).set('x-actor', `mentor:${mentorId}`).send({ startsAt: '2027-02-16T09:30:00Z' }).expect(200);
    await publish(MentorWithdrew, mentorId, { mentorId, reason: 'moving abroad' });
    const [withdrawn] = await probe.expectExactly(ofMatch(SessionCancelled.type, otherMatch), 1);
    expect(withdrawn.event.data).toMatchObject({ sessionId: booked.id, cancelledBy: 'system', sequence: 1 });
    const otherPlan = (await http().get(`/matches/${otherMatch}/plan`).set('x-actor', 'coordinator:1').expect(200)).body;
    expect(otherPlan).toMatchObject({ status: 'ended' });
    expect(await sql(`SELECT kind FROM timers WHERE plan_id = $1 AND status = 'pending'`, [otherPlan.planId])).toEqual([]);
    await http().post(`/matches/${otherMatch}/sessions`).set('x-actor', `mentee:${otherMentee}`).send({ slots: [utc('2027-02-23T09:00:00Z')], mode: 'online', link: 'https://meet.example/e' }).expect(409);
  });

  it('lets coordinators set a cohort rhythm that new plans follow, and refuses a bad one', async () => {
    const [cohortId, matchId, menteeId, mentorId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await http().put(`/cohorts/${cohortId}/rhythm`).set('x-actor', 'coordinator:1').send({ kickOffWithinDays: 3, intervalDays: 40, sessionMinutes: 60 }).expect(400);
    await http().put(`/cohorts/${cohortId}/rhythm`).set('x-actor', `mentor:${mentorId}`).send({ kickOffWithinDays: 3, intervalDays: 7, sessionMinutes: 90 }).expect(403);
    expect(await sql('SELECT count(*)::int AS count FROM cohorts WHERE id = $1', [cohortId])).toEqual([{ count: 0 }]);
    await http().put(`/cohorts/${cohortId}/rhythm`).set('x-actor', 'coordinator:1').send({ kickOffWithinDays: 3, intervalDays: 7, sessionMinutes: 90 }).expect(200);
    await publish(CohortScheduled, cohortId, {
      cohortId, name: 'Weekly 2027', startsOn: '2027-03-01', endsOn: '2027-07-01', applicationDeadline: '2027-02-15', capacity: 10, excludeMentorsFromReferringOrganisation: false,
    });
    await waitFor(async () => (await sql('SELECT starts_on FROM cohorts WHERE id = $1', [cohortId]))[0]?.starts_on, (startsOn) => Boolean(startsOn), { what: 'the cohort dates' });
    now = new Date('2027-02-20T10:00:00Z');
    await publish(MatchConfirmed, menteeId, { matchId, cohortId, menteeId, mentorId, confirmedAt: now.toISOString() });
    const [created] = await probe.expectExactly(ofMatch(PlanCreated.type, matchId), 1, 0);
    const sessions = (created.event.data as { sessions: { suggestedOn: string }[] }).sessions;
    expect(sessions.slice(0, 3).map((session) => session.suggestedOn)).toEqual(['2027-03-04', '2027-03-11', '2027-03-18']);
    expect((await http().get(`/cohorts/${cohortId}/overview`).set('x-actor', 'coordinator:1').expect(200)).body).toMatchObject({
      rhythm: { kickOffWithinDays: 3, intervalDays: 7, sessionMinutes: 90 },
      pairs: 1,
      pairsAtRisk: 0,
    });
  });

  it('retries a failing timer later without blocking the timers behind it', async () => {
    const [cohortId, matchId, menteeId, mentorId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    now = new Date('2027-04-01T10:00:00Z');
    await publish(MatchConfirmed, menteeId, { matchId, cohortId, menteeId, mentorId, confirmedAt: now.toISOString() });
    await probe.expectExactly(ofMatch(PlanCreated.type, matchId), 1, 0);
    const [{ id: planId }] = await sql('SELECT id FROM plans WHERE match_id = $1', [matchId]);
    // A follow-up whose payload its contract refuses fails on every attempt; a good one is due just after it.
    const insert = `INSERT INTO timers (id, kind, dedupe_key, plan_id, due_at, payload, status) VALUES ($1, 'follow-up', $2, $3, $4, $5::jsonb, 'pending')`;
    const poison = randomUUID();
    await sql(insert, [poison, `poison:${poison}`, planId, new Date(now.getTime() - 2000), JSON.stringify({ monthsAfterCompletion: 7, dueOn: '2027-04-01', completedOn: '2027-04-01' })]);
    await sql(insert, [randomUUID(), `good:${poison}`, planId, new Date(now.getTime() - 1000), JSON.stringify({ monthsAfterCompletion: 3, dueOn: '2027-04-01', completedOn: '2027-01-01' })]);

    await fireOnBoth();
    const [followUp] = await probe.expectExactly(ofMatch(FollowUpDue.type, matchId), 1);
    expect(followUp.event.data).toMatchObject({ monthsAfterCompletion: 3 });
    const [failed] = await sql('SELECT status, attempts, last_error, due_at FROM timers WHERE id = $1', [poison]);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('monthsAfterCompletion') });
    expect(new Date(failed.due_at).toISOString()).toBe('2027-04-01T10:01:00.000Z');

    now = new Date('2027-04-01T10:01:30Z');
    await fireOnBoth();
    expect((await sql('SELECT attempts FROM timers WHERE id = $1', [poison]))[0].attempts).toBe(2);
    await probe.expectExactly(ofMatch(FollowUpDue.type, matchId), 1, 500);
  });
});
