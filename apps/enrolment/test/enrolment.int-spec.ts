import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Partitioners } from 'kafkajs';
import { ContactPublished, MatchConfirmed, toKafkaBinaryMessage } from '@cmp/contracts';
import { createKafka } from '@cmp/messaging';
import { applicationBody, EventProbe, hopSigning, mentorBody, testInfrastructure, waitFor } from '@cmp/testing';
import { EnrolmentTestApp, startEnrolment } from './enrolment-test-app';

const COORDINATOR = 'coordinator:c-1';

describe('enrolment service', () => {
  let service: EnrolmentTestApp;
  let probe: EventProbe;

  beforeAll(async () => {
    service = await startEnrolment();
    probe = await EventProbe.start(['cmp.enrolment.events', ContactPublished.topic]);
  });

  afterAll(async () => {
    await probe?.stop();
    await service?.close();
  });

  /** A request with a fresh correlation id, so the events it causes can be found. */
  function call(method: 'get' | 'post' | 'patch' | 'put', path: string, body?: object, headers: Record<string, string> = {}) {
    const correlationId = `test-${randomUUID()}`;
    let req = request(hopSigning(service.app, 'enrolment'))[method](path).set('x-correlation-id', correlationId).set('x-actor', COORDINATOR);
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    return Object.assign(body === undefined ? req : req.send(body), { correlationId });
  }

  async function emitted(correlationId: string, count: number): Promise<string[]> {
    const events = await probe.expectExactly((probed) => probed.event.correlationid === correlationId, count);
    return events.map((probed) => probed.event.type.replace('dk.cmp.enrolment.', '')).sort();
  }

  async function organisation(name = `Novo ${randomUUID().slice(0, 6)}`) {
    const response = await call('post', '/organisations', { name, kind: 'company' }).expect(201);
    return response.body.id as string;
  }

  async function openCohort(capacity = 30) {
    const cohort = await call('post', '/cohorts', { name: 'Spring 2027', startsOn: '2027-02-01', applicationDeadline: '2027-01-15', capacity }).expect(201);
    await call('post', `/cohorts/${cohort.body.id}/open`).expect(200);
    return cohort.body.id as string;
  }

  async function tableCounts() {
    const [row] = await service.dataSource.query(`
      SELECT (SELECT count(*) FROM mentees)::int AS mentees, (SELECT count(*) FROM outbox)::int AS outbox,
             (SELECT count(*) FROM audit_entries)::int AS audit, (SELECT count(*) FROM referrals)::int AS referrals,
             (SELECT sum(used) FROM placement_quotas)::int AS used`);
    return row;
  }

  it('emits exactly the events of each accepted command', async () => {
    const registered = call('post', '/organisations', { name: `Maersk ${randomUUID().slice(0, 6)}`, kind: 'company' });
    const organisationId = (await registered.expect(201)).body.id;
    expect(await emitted(registered.correlationId, 1)).toEqual(['organisation-registered.v1']);

    const scheduled = call('post', '/cohorts', { name: 'Spring 2027', startsOn: '2027-02-01', applicationDeadline: '2027-01-15', capacity: 10 });
    const cohort = (await scheduled.expect(201)).body;
    expect(cohort.endsOn).toBe('2027-06-01');
    expect(await emitted(scheduled.correlationId, 1)).toEqual(['cohort-scheduled.v1']);

    const opened = call('post', `/cohorts/${cohort.id}/open`);
    await opened.expect(200);
    expect(await emitted(opened.correlationId, 1)).toEqual(['cohort-opened.v1']);

    const reserved = call('post', `/organisations/${organisationId}/placements`, { cohortId: cohort.id, count: 3 });
    expect((await reserved.expect(201)).body).toMatchObject({ reserved: 3, used: 0 });
    expect(await emitted(reserved.correlationId, 1)).toEqual(['placements-reserved.v1']);

    const issued = call('post', `/organisations/${organisationId}/referrals`, { cohortId: cohort.id });
    const referral = (await issued.expect(201)).body;
    expect(referral.code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    expect(referral.codeHash).toBeUndefined();
    expect(await emitted(issued.correlationId, 1)).toEqual(['referral-issued.v1']);

    const body = applicationBody({ referralCode: referral.code.toLowerCase() });
    const applied = call('post', '/applications', body);
    const mentee = (await applied.expect(201)).body;
    expect(mentee).toMatchObject({ status: 'placed', cohortId: cohort.id, referringOrganisationId: organisationId, email: body.email });
    expect(await emitted(applied.correlationId, 8)).toEqual([
      'consent-changed.v1',
      'consent-changed.v1',
      'consent-changed.v1',
      'contact.v1',
      'mentee-accepted.v1',
      'mentee-applied.v1',
      'mentee-placed.v1',
      'referral-redeemed.v1',
    ]);
    // Personal data travels on the contacts topic only.
    const events = probe.byCorrelation(applied.correlationId);
    for (const { topic, event } of events) {
      const text = JSON.stringify(event.data);
      if (topic === ContactPublished.topic) expect(text).toContain(body.email);
      else expect(text).not.toMatch(new RegExp(`${body.email}|${body.name}|${body.phone.replace('+', '\\+')}`));
    }
    const placed = events.find(({ event }) => event.type.endsWith('mentee-placed.v1'));
    expect(placed?.event.data).toMatchObject({ menteeId: mentee.id, referringOrganisationId: organisationId, profile: { targetOccupations: ['2512', '2511'] } });
    expect(placed?.key).toBe(mentee.id);
  });

  it('writes nothing and emits nothing when a command is refused', async () => {
    const cohortId = await openCohort();
    const before = await tableCounts();

    const invalid = call('post', '/applications', applicationBody({ cohortId, email: 'not-an-email', targetOccupations: ['9999'], surprise: 1 }));
    const problem = (await invalid.expect(400)).body;
    expect(problem).toMatchObject({ status: 400, type: expect.stringContaining('validation') });
    expect(problem.errors.map((error: { field: string }) => error.field).sort()).toEqual(['email', 'surprise', 'targetOccupations']);

    const noConsent = call('post', '/applications', applicationBody({ cohortId, consents: [{ purpose: 'programme-participation', granted: false, noticeVersion: '2026-09' }] }));
    expect((await noConsent.expect(422)).body.detail).toContain('consent to programme participation');

    const planned = (await call('post', '/cohorts', { name: 'Later', startsOn: '2027-09-01', applicationDeadline: '2027-08-01', capacity: 5 }).expect(201)).body;
    const notOpen = call('post', '/applications', applicationBody({ cohortId: planned.id }));
    expect((await notOpen.expect(409)).body).toMatchObject({ type: 'https://cmp.dk/problems/enrolment/transition-refused' });

    const badCode = call('post', '/applications', applicationBody({ cohortId, referralCode: 'AAAA-BBBB-CCCC-DDDD-EEEE' }));
    await badCode.expect(422);

    const after = await tableCounts();
    expect({ ...after, outbox: after.outbox - 1, audit: after.audit - 1 }).toEqual(before); // only the planned cohort was written
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const refused of [invalid, noConsent, notOpen, badCode]) expect(probe.byCorrelation(refused.correlationId)).toEqual([]);
  });

  it('checks an application or registration as a dry run with every rule and its errors, and keeps nothing', async () => {
    const organisationId = await organisation();
    const cohortId = await openCohort();
    await call('post', `/organisations/${organisationId}/placements`, { cohortId, count: 1 }).expect(201);
    const { code } = (await call('post', `/organisations/${organisationId}/referrals`, { cohortId }).expect(201)).body;
    const dryRun = { 'x-enrolment-dry-run': 'true' };
    const before = await tableCounts();

    const valid = call('post', '/applications', applicationBody({ cohortId, referralCode: code }), dryRun);
    const mentor = call('post', '/mentors', mentorBody(organisationId, [cohortId]), dryRun);
    expect((await valid).body).toEqual({ dryRun: true, valid: true });
    expect((await mentor).body).toEqual({ dryRun: true, valid: true });
    const refusedDry = await call('post', '/applications', applicationBody({ cohortId: randomUUID() }), dryRun).expect(404);
    const refused = await call('post', '/applications', applicationBody({ cohortId: randomUUID() })).expect(404);

    expect({ ...refusedDry.body, correlationId: undefined, detail: undefined }).toEqual({ ...refused.body, correlationId: undefined, detail: undefined });
    expect(await tableCounts()).toEqual(before);
    expect(await emitted(valid.correlationId, 0)).toEqual([]);
    expect(await emitted(mentor.correlationId, 0)).toEqual([]);
    // The code a dry run checked is still there for the real application.
    await call('post', '/applications', applicationBody({ cohortId, referralCode: code })).expect(201);
  });

  it('lets exactly one of 50 concurrent redemptions of one code succeed', async () => {
    const organisationId = await organisation();
    const cohortId = await openCohort();
    await call('post', `/organisations/${organisationId}/placements`, { cohortId, count: 10 }).expect(201);
    const { code } = (await call('post', `/organisations/${organisationId}/referrals`, { cohortId }).expect(201)).body;

    const responses = await Promise.all(Array.from({ length: 50 }, () => call('post', '/applications', applicationBody({ referralCode: code }))));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(responses.filter((response) => response.status !== 201).map((response) => `${response.status} ${response.body.detail}`)).toEqual(
      Array(49).fill('422 the referral code has already been used'),
    );
    const [quota] = await service.dataSource.query('SELECT used FROM placement_quotas WHERE organisation_id = $1', [organisationId]);
    expect(quota.used).toBe(1);
    const [{ count }] = await service.dataSource.query(`SELECT count(*)::int FROM mentees WHERE referring_organisation_id = $1`, [organisationId]);
    expect(count).toBe(1);
    // The partner sees its code used, but not by whom: the person's CMP id never reaches a partner.
    const listed = (await call('get', `/organisations/${organisationId}/referrals`).expect(200)).body;
    expect(listed.items).toEqual([expect.objectContaining({ status: 'redeemed' })]);
    expect(listed.items[0]).not.toHaveProperty('menteeId');
  });

  it('never lets concurrent referrals exceed the quota', async () => {
    const organisationId = await organisation();
    const cohortId = await openCohort();
    await call('post', `/organisations/${organisationId}/placements`, { cohortId, count: 5 }).expect(201);

    const bound = await Promise.all(Array.from({ length: 20 }, () => call('post', `/organisations/${organisationId}/referrals`, { cohortId })));
    expect(bound.filter((response) => response.status === 201)).toHaveLength(5);
    expect(bound.filter((response) => response.status === 409)).toHaveLength(15);

    // Open-ended codes compete for placements at redemption instead: three left after two more are reserved.
    await call('post', `/organisations/${organisationId}/placements`, { cohortId, count: 3 }).expect(201);
    const openEnded = await Promise.all(Array.from({ length: 10 }, () => call('post', `/organisations/${organisationId}/referrals`, {})));
    const codes = openEnded.map((response) => response.body.code as string);
    const redemptions = await Promise.all(codes.map((code) => call('post', '/applications', applicationBody({ cohortId, referralCode: code }))));
    expect(redemptions.filter((response) => response.status === 201)).toHaveLength(3);
    expect(redemptions.filter((response) => response.status === 409).every((response) => response.body.type.endsWith('quota-exhausted'))).toBe(true);
    const [quota] = await service.dataSource.query('SELECT reserved, used FROM placement_quotas WHERE organisation_id = $1', [organisationId]);
    expect(quota).toEqual({ reserved: 8, used: 3 });
  });

  it('places a waitlisted mentee when a placed one withdraws before the start', async () => {
    const cohortId = await openCohort(1);
    const first = (await call('post', '/applications', applicationBody({ cohortId })).expect(201)).body;
    const second = (await call('post', '/applications', applicationBody({ cohortId })).expect(201)).body;
    expect(first.status).toBe('applied');
    expect((await call('post', `/mentees/${first.id}/accept`).expect(200)).body.status).toBe('placed');
    expect((await call('post', `/mentees/${second.id}/accept`).expect(200)).body.status).toBe('waitlisted');

    const withdrawal = call('post', `/mentees/${first.id}/withdraw`, { by: 'mentee', reason: 'found a job before the start' });
    expect((await withdrawal.expect(200)).body.status).toBe('withdrawn');
    expect((await call('get', `/mentees/${second.id}`).expect(200)).body.status).toBe('placed');
    expect(await emitted(withdrawal.correlationId, 2)).toEqual(['mentee-placed.v1', 'mentee-withdrew.v1']);
    const placed = probe.byCorrelation(withdrawal.correlationId).find(({ event }) => event.type.endsWith('mentee-placed.v1'));
    expect(placed?.key).toBe(second.id);
  });

  it('refuses a second open application for the same email, whatever its case', async () => {
    const cohortId = await openCohort();
    const body = applicationBody({ cohortId });
    await call('post', '/applications', body).expect(201);
    const again = await call('post', '/applications', { ...body, email: `  ${body.email.toUpperCase()} ` }).expect(409);
    expect(again.body.type).toBe('https://cmp.dk/problems/enrolment/duplicate-application');
  });

  it('replays the response of a repeated POST with the same Idempotency-Key and runs it once', async () => {
    const cohortId = await openCohort();
    const body = applicationBody({ cohortId });
    const key = `apply-${randomUUID()}`;
    const first = await call('post', '/applications', body, { 'idempotency-key': key }).expect(201);
    const second = await call('post', '/applications', body, { 'idempotency-key': key }).expect(201);
    expect(second.body).toEqual(first.body);
    const [{ count }] = await service.dataSource.query('SELECT count(*)::int FROM mentees WHERE email = $1', [body.email]);
    expect(count).toBe(1);
    const reused = await call('post', '/applications', { ...body, name: 'Someone Else' }, { 'idempotency-key': key }).expect(422);
    expect(reused.body.detail).toContain('different request');
  });

  it('activates a placed mentee when matching confirms the match, once', async () => {
    const cohortId = await openCohort();
    const mentee = (await call('post', '/applications', applicationBody({ cohortId })).expect(201)).body;
    await call('post', `/mentees/${mentee.id}/accept`).expect(200);

    const kafka = createKafka({ brokers: testInfrastructure().kafkaBrokers, sasl: testInfrastructure().kafkaSasl, clientId: 'enrolment-test-matching' });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const confirmed = toKafkaBinaryMessage({
      specversion: '1.0',
      id: randomUUID(),
      source: '/cmp/matching',
      type: MatchConfirmed.type,
      time: '2027-02-03T09:00:00.000Z',
      subject: randomUUID(),
      datacontenttype: 'application/json',
      correlationid: 'match-test',
      data: { matchId: randomUUID(), cohortId, menteeId: mentee.id, mentorId: randomUUID(), confirmedAt: '2027-02-03T09:00:00.000Z' },
    });
    // Delivered twice, as at-least-once delivery may: the inbox applies it once.
    await producer.send({ topic: MatchConfirmed.topic, messages: [confirmed, confirmed] });
    await producer.disconnect();

    await waitFor(async () => (await call('get', `/mentees/${mentee.id}`)).body.status, (status) => status === 'active', { what: 'the mentee to become active' });
    const trail = (await call('get', `/audit?entityId=${mentee.id}`).expect(200)).body.items.map((entry: { action: string }) => entry.action);
    expect(trail.filter((action: string) => action === 'mentee.activated')).toHaveLength(1);
  });

  it('exports what it holds about a person and then erases every trace of their name and email', async () => {
    const organisationId = await organisation();
    const cohortId = await openCohort();
    const body = applicationBody({ cohortId });
    const key = `erase-${randomUUID()}`;
    const mentee = (await call('post', '/applications', body, { 'idempotency-key': key }).expect(201)).body;
    await call('post', `/mentees/${mentee.id}/accept`).expect(200);
    await call('put', `/people/${mentee.id}/consents/follow-up-surveys`, { granted: true, noticeVersion: '2026-10' }).expect(200);
    const mentor = mentorBody(organisationId, [cohortId]);
    const mentorId = (await call('post', '/mentors', mentor).expect(201)).body.id;

    const exported = (await call('get', `/people/${mentee.id}/export`).expect(200)).body;
    expect(exported).toMatchObject({ role: 'mentee', profile: { email: body.email, name: body.name } });
    expect(exported.consents.find((consent: { purpose: string }) => consent.purpose === 'follow-up-surveys')).toMatchObject({ granted: true });
    expect(exported.history.map((entry: { action: string }) => entry.action)).toEqual(expect.arrayContaining(['mentee.applied', 'mentee.accepted', 'consent.granted']));

    const erasure = call('post', `/people/${mentee.id}/erase`);
    await erasure.expect(204);
    await call('post', `/people/${mentorId}/erase`).expect(204);

    const columns: { table_name: string; column_name: string }[] = await service.dataSource.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = $1 AND data_type IN ('text', 'character varying', 'jsonb', 'json')`,
      [service.schema.name],
    );
    expect(columns.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const { table_name, column_name } of columns) {
      for (const secret of [body.name, body.email, body.phone, body.motivation, mentor.name, mentor.email]) {
        const [row] = await service.dataSource.query(`SELECT count(*)::int AS hits FROM "${table_name}" WHERE "${column_name}"::text ILIKE $1`, [`%${secret}%`]);
        if (row.hits > 0) leaks.push(`${table_name}.${column_name} holds ${secret}`);
      }
    }
    expect(leaks).toEqual([]);

    // Still taking part, so the mentee is withdrawn first; the contact record gets its tombstone.
    expect(await emitted(erasure.correlationId, 3)).toEqual(['contact.v1', 'mentee-withdrew.v1', 'person-erased.v1']);
    const tombstone = probe.byCorrelation(erasure.correlationId).find(({ topic }) => topic === ContactPublished.topic);
    expect(tombstone).toMatchObject({ key: mentee.id, event: { data: null } });
    await call('get', `/mentees/${mentee.id}`).expect(404);
    await call('get', `/people/${mentee.id}/export`).expect(404);
  });

  it('lets a mentor pause, resume, change capacity and withdraw, telling matching each time', async () => {
    const organisationId = await organisation();
    const cohortId = await openCohort();
    const registered = call('post', '/mentors', mentorBody(organisationId, [cohortId]));
    const mentor = (await registered.expect(201)).body;
    expect(await emitted(registered.correlationId, 2)).toEqual(['contact.v1', 'mentor-registered.v1']);

    const paused = call('post', `/mentors/${mentor.id}/pause`);
    expect((await paused.expect(200)).body.status).toBe('paused');
    await call('post', `/mentors/${mentor.id}/pause`).expect(409);
    await call('post', `/mentors/${mentor.id}/resume`).expect(200);

    const changed = call('patch', `/mentors/${mentor.id}`, { capacity: 3, availability: [{ day: 'wed', start: '08:00', end: '09:30' }] });
    expect((await changed.expect(200)).body).toMatchObject({ capacity: 3 });
    const [updated] = await probe.expectExactly((probed) => probed.event.correlationid === changed.correlationId, 1);
    expect(updated.event).toMatchObject({ type: 'dk.cmp.enrolment.mentor-updated.v1', data: { mentorId: mentor.id, profile: { capacity: 3 } } });
    await call('patch', `/mentors/${mentor.id}`, { capacity: 4 }).expect(400);
    await call('patch', `/mentors/${mentor.id}`, { availability: [{ day: 'wed', start: '10:00', end: '09:00' }] }).expect(422);

    const withdrawn = call('post', `/mentors/${mentor.id}/withdraw`, { reason: 'moving abroad' });
    await withdrawn.expect(200);
    expect(await emitted(withdrawn.correlationId, 1)).toEqual(['mentor-withdrew.v1']);
    await call('patch', `/mentors/${mentor.id}`, { capacity: 1 }).expect(409);
  });

  it('stops an optional purpose at once when its consent is withdrawn, and keeps participation consent', async () => {
    const cohortId = await openCohort();
    const mentee = (await call('post', '/applications', applicationBody({ cohortId })).expect(201)).body;
    const withdrawn = call('put', `/people/${mentee.id}/consents/share-outcomes-with-referrer`, { granted: false, noticeVersion: '2026-09' });
    await withdrawn.expect(200);
    const [changed] = await probe.expectExactly((probed) => probed.event.correlationid === withdrawn.correlationId, 1);
    expect(changed.event.data).toMatchObject({ personId: mentee.id, purpose: 'share-outcomes-with-referrer', granted: false });
    const refused = await call('put', `/people/${mentee.id}/consents/programme-participation`, { granted: false, noticeVersion: '2026-09' }).expect(422);
    expect(refused.body.detail).toContain('withdraw from the programme');
  });

  it('pages and filters lists', async () => {
    const cohortId = await openCohort();
    for (let index = 0; index < 3; index += 1) await call('post', '/applications', applicationBody({ cohortId })).expect(201);
    const page = (await call('get', `/mentees?cohortId=${cohortId}&status=applied&limit=2&offset=1`).expect(200)).body;
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.items).toHaveLength(2);
    await call('get', '/mentees?limit=1000').expect(400);
    await call('get', '/mentees?colour=blue').expect(400);
  });

  it('documents its API as OpenAPI 3 with the schemas it validates against', async () => {
    const document = (await call('get', '/openapi.json').expect(200)).body;
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/applications', '/mentees/{id}/withdraw', '/people/{id}/erase', '/cohorts/{id}/open']));
    const apply = document.components.schemas.ApplyRequest;
    expect(apply.required).toEqual(expect.arrayContaining(['name', 'email', 'consents', 'targetOccupations']));
    expect(apply.properties.email).toMatchObject({ format: 'email' });
  });

  it('keeps no referral code in clear text, not even for a replayed request', async () => {
    const organisationId = await organisation();
    const cohortId = await openCohort();
    await call('post', `/organisations/${organisationId}/placements`, { cohortId, count: 2 }).expect(201);
    const key = `referral-${randomUUID()}`;
    const first = (await call('post', `/organisations/${organisationId}/referrals`, { cohortId }, { 'idempotency-key': key }).expect(201)).body;
    expect(first.expiresAt).toBe('2027-01-15T22:59:59.999Z'); // the end of the cohort's application deadline
    const replay = (await call('post', `/organisations/${organisationId}/referrals`, { cohortId }, { 'idempotency-key': key }).expect(201)).body;
    expect(replay).toMatchObject({ id: first.id, secretsWithheld: ['code'] });
    expect(replay.code).toBeUndefined();
    const [{ hits }] = await service.dataSource.query(
      `SELECT count(*)::int AS hits FROM idempotency_records WHERE response_body::text LIKE $1`,
      [`%${first.code}%`],
    );
    expect(hits).toBe(0);
    // Another party (the organisation's own partner user, as enrolment now checks) cannot replay someone else's key.
    const other = await request(hopSigning(service.app, 'enrolment'))
      .post(`/organisations/${organisationId}/referrals`)
      .set('x-actor', `partner:${organisationId}`)
      .set('idempotency-key', key)
      .send({ cohortId })
      .expect(201);
    expect(other.body.id).not.toBe(first.id);
  });

  it('never reserves more placements in a cohort than it has places', async () => {
    const cohortId = await openCohort(10);
    const [first, second] = [await organisation(), await organisation()];
    await call('post', `/organisations/${first}/placements`, { cohortId, count: 6 }).expect(201);
    const refused = await call('post', `/organisations/${second}/placements`, { cohortId, count: 5 }).expect(409);
    expect(refused.body.detail).toBe('the cohort has 10 places and 6 are already reserved');
    await call('post', `/organisations/${second}/placements`, { cohortId, count: 4 }).expect(201);
  });
});
