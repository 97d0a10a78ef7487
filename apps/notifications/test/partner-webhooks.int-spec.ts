import { HTTP } from 'cloudevents';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { join } from 'node:path';
import request from 'supertest';
import { ConsentChanged, MenteeApplied, MenteePlaced, MenteeWithdrew, OrganisationRegistered, OutcomeRecorded, OutcomeRecordedData, PersonErased, WebhookSubscriptionDisabled } from '@cmp/contracts';
import { EventProbe, hopSigning, waitFor } from '@cmp/testing';
import { MailCapture, NotificationsTestApp, startNotifications } from './notifications-test-app';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/**
 * A partner's endpoint, written as a partner would: it checks the HMAC over "<timestamp>.<body>"
 * with its own code, refuses stale timestamps (replays), and reads every delivery with the
 * official CloudEvents SDK. `accepted` is what it acknowledged with 2xx.
 */
class PartnerReceiver {
  readonly received: Received[] = [];
  readonly accepted: { event: ReturnType<typeof HTTP.toEvent>; deliveryId: string }[] = [];
  secret = '';
  failuresToSimulate = 0;
  alwaysFail = false;
  private server: Server | undefined;
  port = 0;

  constructor(private readonly now: () => Date) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/cmp-webhook`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const status = this.handle(req.headers, body);
        this.received.push({ headers: req.headers, body, status });
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status < 300 ? '' : `nope ${'x'.repeat(5000)}`);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server?.address() as { port: number }).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  handle(headers: IncomingHttpHeaders, body: string): number {
    const timestamp = Number(headers['webhook-timestamp']);
    const signature = String(headers['webhook-signature'] ?? '');
    const expected = Buffer.from(`v1=${createHmac('sha256', this.secret).update(`${timestamp}.${body}`).digest('hex')}`);
    if (expected.length !== Buffer.byteLength(signature) || !timingSafeEqual(expected, Buffer.from(signature))) return 401;
    if (Math.abs(this.now().getTime() / 1000 - timestamp) > 300) return 400;
    if (this.alwaysFail) return 500;
    if (this.failuresToSimulate > 0) {
      this.failuresToSimulate -= 1;
      return 503;
    }
    const event = HTTP.toEvent({ headers, body });
    this.accepted.push({ event, deliveryId: String(headers['webhook-id']) });
    return 204;
  }

  acceptedFor(participantId: string) {
    return this.accepted.filter(({ event }) => !Array.isArray(event) && (event.data as { participantId?: string }).participantId === participantId);
  }
}

describe('notifications: partner webhooks', () => {
  let capture: MailCapture;
  let svc: NotificationsTestApp;
  let probe: EventProbe;
  const orgA = randomUUID();
  const orgB = randomUUID();
  let receiverA: PartnerReceiver;
  let receiverB: PartnerReceiver;

  beforeAll(async () => {
    capture = await MailCapture.start();
    svc = await startNotifications(capture.smtpPort, { disableAfterFailures: 5 });
    probe = await EventProbe.start(['cmp.notifications.events']);
    receiverA = new PartnerReceiver(svc.now);
    receiverB = new PartnerReceiver(svc.now);
    await receiverA.start();
    await receiverB.start();
  });

  afterAll(async () => {
    await receiverA?.stop();
    await receiverB?.stop();
    await probe?.stop();
    await svc?.close();
    await capture?.dispose();
  });

  const http = () => request(hopSigning(svc.app, 'notifications'));
  const deliveriesFor = (participantId: string) =>
    svc.dataSource.query(`SELECT * FROM webhook_deliveries WHERE participant_id = $1 ORDER BY created_at`, [participantId]);
  /** What an organisation knows a person by: partners never see her CMP id. */
  const pseudonymOf = async (organisationId: string, personId: string): Promise<string> => {
    const [row] = await svc.dataSource.query(`SELECT pseudonym FROM partner_pseudonyms WHERE organisation_id = $1 AND person_id = $2`, [organisationId, personId]);
    if (!row) throw new Error(`${organisationId} has no pseudonym for ${personId}`);
    return row.pseudonym;
  };

  async function registerOrganisation(organisationId: string) {
    await svc.publish(OrganisationRegistered, organisationId, { organisationId, name: `Partner ${organisationId.slice(0, 4)}`, kind: 'company' });
    const known = () => svc.dataSource.query(`SELECT * FROM organisations WHERE id = $1`, [organisationId]);
    await waitFor(known, (rows) => rows.length === 1, { what: 'the organisation' });
  }

  async function subscribe(org: string, receiver: PartnerReceiver, extra: object = {}) {
    const created = await http()
      .post(`/partners/${org}/webhook-subscriptions`)
      .set('x-actor', `partner:${org}`)
      .send({ url: receiver.url, eventTypes: ['dk.cmp.notifications.referral-status-changed.v1', 'dk.cmp.notifications.referral-outcome-recorded.v1'], ...extra })
      .expect(201);
    receiver.secret = created.body.secret;
    return created.body;
  }

  /** Runs delivery rounds, moving the clock to each retry, until `done` or the rounds run out. */
  async function deliverUntil(done: () => Promise<boolean> | boolean, rounds = 12) {
    for (let round = 0; round < rounds; round += 1) {
      await svc.runDueWebhooks();
      if (await done()) return;
      const [next] = await svc.dataSource.query(`SELECT min(next_attempt_at) AS at FROM webhook_deliveries WHERE status = 'pending'`);
      if (next.at) svc.setNow(new Date(Math.max(svc.now().getTime(), new Date(next.at).getTime())));
    }
    throw new Error(`delivery did not finish: ${JSON.stringify(await svc.dataSource.query('SELECT d.status, d.attempts, d.next_attempt_at, d.last_error, s.status AS sub, s.consecutive_failures FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id ORDER BY d.created_at'))}`);
  }

  it('manages subscriptions per organisation, with a secret shown once and URLs checked', async () => {
    const unknown = randomUUID();
    await http()
      .post(`/partners/${unknown}/webhook-subscriptions`)
      .set('x-actor', `partner:${unknown}`)
      .send({ url: receiverA.url, eventTypes: ['dk.cmp.notifications.referral-status-changed.v1'] })
      .expect(404);
    await registerOrganisation(orgA);
    await registerOrganisation(orgB);
    const created = await subscribe(orgA, receiverA);
    expect(created.secret).toMatch(/^whsec_/);
    const listed = await http().get(`/partners/${orgA}/webhook-subscriptions`).set('x-actor', `partner:${orgA}`).expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ id: created.id, status: 'active', url: receiverA.url })]);
    expect(JSON.stringify(listed.body)).not.toContain(created.secret);
    await http().get(`/partners/${orgA}/webhook-subscriptions`).set('x-actor', `partner:${orgB}`).expect(403);
    await http().get(`/partners/${orgA}/webhook-subscriptions/${created.id}`).set('x-actor', `mentee:${orgA}`).expect(403);
    const credentials = await http()
      .post(`/partners/${orgA}/webhook-subscriptions`)
      .set('x-actor', `partner:${orgA}`)
      .send({ url: `http://user:secret@127.0.0.1:${receiverA.port}/x`, eventTypes: ['dk.cmp.notifications.referral-status-changed.v1'] })
      .expect(422);
    expect(credentials.body).toMatchObject({ type: 'https://cmp.dk/problems/notifications/webhook-url-refused' });
    await http()
      .post(`/partners/${orgA}/webhook-subscriptions`)
      .set('x-actor', `partner:${orgA}`)
      .send({ url: receiverA.url, eventTypes: ['dk.cmp.enrolment.mentee-applied.v1'] })
      .expect(400);
    await subscribe(orgB, receiverB);
  });

  it('delivers a signed CloudEvent exactly once to a receiver that fails three times first, and only to the referring partner', async () => {
    const [m1, m2, m3] = [randomUUID(), randomUUID(), randomUUID()];
    const referralId = randomUUID();
    receiverA.failuresToSimulate = 3;
    await svc.publish(MenteeApplied, m1, { menteeId: m1, cohortId: randomUUID(), referralId, referringOrganisationId: orgA });
    await svc.publish(MenteeApplied, m2, { menteeId: m2, cohortId: randomUUID(), referralId: randomUUID(), referringOrganisationId: orgB });
    await svc.publish(MenteeApplied, m3, { menteeId: m3, cohortId: randomUUID() });
    await waitFor(() => deliveriesFor(m1), (rows) => rows.length === 1, { what: "m1's delivery" });
    await waitFor(() => deliveriesFor(m2), (rows) => rows.length === 1, { what: "m2's delivery" });
    const [p1, p2] = [await pseudonymOf(orgA, m1), await pseudonymOf(orgB, m2)];

    await deliverUntil(() => receiverA.acceptedFor(p1).length > 0 && receiverB.acceptedFor(p2).length > 0);
    // More rounds later change nothing: it is delivered.
    svc.advance(3_600_000);
    await svc.runDueWebhooks();

    const accepted = receiverA.acceptedFor(p1);
    expect(accepted).toHaveLength(1);
    const [{ event }] = accepted;
    expect(Array.isArray(event)).toBe(false);
    expect(event).toMatchObject({ type: 'dk.cmp.notifications.referral-status-changed.v1', source: '/cmp/notifications/webhooks', specversion: '1.0' });
    expect((event as { data: unknown }).data).toEqual({ participantId: p1, referralId, cohortId: expect.any(String), status: 'applied', occurredAt: expect.any(String) });
    expect(receiverA.received.filter((r) => r.body.includes(p1)).map((r) => r.status)).toEqual([503, 503, 503, 204]);
    expect(receiverA.received.some((r) => r.body.includes(m1) || r.body.includes(m2) || r.body.includes(p2) || r.body.includes(m3))).toBe(false);
    expect(receiverB.acceptedFor(p2)).toHaveLength(1);
    expect(receiverB.received.some((r) => r.body.includes(m1) || r.body.includes(p1) || r.body.includes(m2) || r.body.includes(m3))).toBe(false);
    expect(await deliveriesFor(m3)).toEqual([]);

    // The delivery log: four attempts, backoff in between, a short excerpt of the failures only.
    const [row] = await deliveriesFor(m1);
    const log = await http().get(`/partners/${orgA}/webhook-deliveries/${row.id}`).set('x-actor', `partner:${orgA}`).expect(200);
    expect(log.body).toMatchObject({ status: 'delivered', attempts: 4, lastStatusCode: 204 });
    expect(log.body.attemptLog.map((attempt: { statusCode: number }) => attempt.statusCode)).toEqual([503, 503, 503, 204]);
    const times = log.body.attemptLog.map((attempt: { attemptedAt: string }) => new Date(attempt.attemptedAt).getTime());
    expect([times[1] - times[0], times[2] - times[1], times[3] - times[2]]).toEqual([30_000, 60_000, 120_000]);
    expect(log.body.attemptLog[0].responseExcerpt.length).toBeLessThanOrEqual(200);
    await http().get(`/partners/${orgB}/webhook-deliveries/${row.id}`).set('x-actor', `partner:${orgB}`).expect(404);
    await http().get(`/partners/${orgA}/webhook-deliveries`).set('x-actor', `partner:${orgB}`).expect(403);

    // A replayed delivery (same signature, old timestamp) and a tampered one are refused by the receiver.
    const original = receiverA.received.find((r) => r.status === 204 && r.body.includes(p1)) as Received;
    expect(receiverA.handle(original.headers, original.body.replace('applied', 'placed'))).toBe(401);
    svc.advance(10 * 60_000);
    expect(receiverA.handle(original.headers, original.body)).toBe(400);

    // Manual redelivery: a new delivery id, the same CloudEvent id.
    const redelivered = await http().post(`/partners/${orgA}/webhook-deliveries/${row.id}/redeliver`).set('x-actor', `partner:${orgA}`).expect(202);
    expect(redelivered.body).toMatchObject({ redeliveryOf: row.id, status: 'pending' });
    await svc.runDueWebhooks();
    const again = receiverA.acceptedFor(p1);
    expect(again).toHaveLength(2);
    expect((again[1].event as { id: string }).id).toBe((again[0].event as { id: string }).id);
    expect(again[1].deliveryId).toBe(redelivered.body.id);
  });

  it('shares an outcome only after the participant consents, and never how it was learnt', async () => {
    const mentee = randomUUID();
    const cohortId = randomUUID();
    await svc.publish(MenteePlaced, mentee, {
      menteeId: mentee,
      cohortId,
      referringOrganisationId: orgA,
      profile: JSON.parse(readFileSync(join(__dirname, '../../../libs/contracts/src/fixtures/dk.cmp.enrolment.mentee-placed.v1.json'), 'utf8')).profile,
    });
    await waitFor(() => deliveriesFor(mentee), (rows) => rows.length === 1, { what: 'the placed delivery' });
    const outcome = (status: OutcomeRecordedData['status']): OutcomeRecordedData => ({
      outcomeId: randomUUID(),
      menteeId: mentee,
      cohortId,
      status,
      hours: 'full-time',
      sector: 'J',
      source: 'survey',
      recordedAt: svc.now().toISOString(),
    });
    const withoutConsent = await svc.publish(OutcomeRecorded, mentee, outcome('internship'));
    await svc.publish(ConsentChanged, mentee, { personId: mentee, purpose: 'share-outcomes-with-referrer', granted: true, noticeVersion: '2026-01', changedAt: svc.now().toISOString() });
    await waitFor(async () => (await svc.dataSource.query(`SELECT * FROM outcome_sharing_consents WHERE person_id = $1`, [mentee])).length, (n) => n === 1, { what: 'the consent' });
    const withConsent = await svc.publish(OutcomeRecorded, mentee, outcome('employed'));
    await waitFor(() => deliveriesFor(mentee), (rows) => rows.length === 2, { what: 'the outcome delivery' });
    const rows = await deliveriesFor(mentee);
    expect(rows.map((row: { source_event_id: string }) => row.source_event_id)).not.toContain(withoutConsent);
    expect(rows[1].source_event_id).toBe(withConsent);

    const pseudonym = await pseudonymOf(orgA, mentee);
    await deliverUntil(() => receiverA.acceptedFor(pseudonym).length === 2);
    const shared = receiverA.acceptedFor(pseudonym).map(({ event }) => (event as { type: string; data: Record<string, unknown> }));
    expect(shared.map((event) => event.type)).toEqual(['dk.cmp.notifications.referral-status-changed.v1', 'dk.cmp.notifications.referral-outcome-recorded.v1']);
    expect(shared[1].data).toEqual({ participantId: pseudonym, cohortId, status: 'employed', hours: 'full-time', sector: 'J', recordedAt: expect.any(String) });
  });

  it("gives each organisation its own stable pseudonym for a person, never her id, and forgets them when she is erased", async () => {
    const person = randomUUID();
    const firstCohort = randomUUID();
    await svc.publish(MenteeApplied, person, { menteeId: person, cohortId: firstCohort, referringOrganisationId: orgA });
    await waitFor(() => deliveriesFor(person), (rows) => rows.length === 1, { what: 'the delivery to the first referrer' });
    // She applies again, referred by another organisation, which then hears of her twice.
    const secondCohort = randomUUID();
    await svc.publish(MenteeApplied, person, { menteeId: person, cohortId: secondCohort, referringOrganisationId: orgB });
    await waitFor(() => deliveriesFor(person), (rows) => rows.length === 2, { what: 'the delivery to the second referrer' });
    await svc.publish(MenteeWithdrew, person, { menteeId: person, cohortId: secondCohort, by: 'mentee', reason: 'Found a job on her own', placementReleased: false });
    await waitFor(() => deliveriesFor(person), (rows) => rows.length === 3, { what: 'the second delivery to the second referrer' });

    const isAbout = (cohortId: string) => (received: Received) => received.status === 204 && received.body.includes(cohortId);
    await deliverUntil(() => receiverA.received.some(isAbout(firstCohort)) && receiverB.received.filter(isAbout(secondCohort)).length === 2);
    const participantIds = (receiver: PartnerReceiver, cohortId: string) =>
      receiver.received.filter(isAbout(cohortId)).map((received) => (JSON.parse(received.body) as { subject: string; data: { participantId: string } }));
    const [toA] = participantIds(receiverA, firstCohort);
    const toB = participantIds(receiverB, secondCohort);

    // What went over the wire, byte for byte, never holds her id.
    for (const received of [...receiverA.received, ...receiverB.received]) expect(received.body).not.toContain(person);
    expect(toA.data.participantId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(toA.subject).toBe(toA.data.participantId);
    expect(toB.map((event) => event.data.participantId)).toEqual([toB[0].data.participantId, toB[0].data.participantId]);
    expect(toB[0].data.participantId).not.toBe(toA.data.participantId);
    expect(new Set([toA.data.participantId, toB[0].data.participantId, person]).size).toBe(3);

    await svc.publish(PersonErased, person, { personId: person, role: 'mentee', erasedAt: svc.now().toISOString() });
    const pseudonyms = () => svc.dataSource.query(`SELECT * FROM partner_pseudonyms WHERE person_id = $1 OR pseudonym = ANY($2)`, [person, [toA.data.participantId, toB[0].data.participantId]]);
    await waitFor(pseudonyms, (rows) => rows.length === 0, { what: 'her pseudonyms to be forgotten' });
  });

  it('disables a subscription after repeated failures, announces it and tells the partner', async () => {
    const orgC = randomUUID();
    const receiverC = new PartnerReceiver(svc.now);
    await receiverC.start();
    await registerOrganisation(orgC);
    try {
      receiverC.alwaysFail = true;
      const contactEmail = `webhooks-${randomUUID().slice(0, 8)}@partner.example.com`;
      const subscription = await subscribe(orgC, receiverC, { contactEmail, language: 'da' });
      const mentees = [randomUUID(), randomUUID()];
      for (const mentee of mentees) await svc.publish(MenteeApplied, mentee, { menteeId: mentee, cohortId: randomUUID(), referringOrganisationId: orgC });
      await waitFor(() => deliveriesFor(mentees[1]), (rows) => rows.length === 1, { what: 'the deliveries' });

      const state = async () => (await http().get(`/partners/${orgC}/webhook-subscriptions/${subscription.id}`).set('x-actor', `partner:${orgC}`).expect(200)).body;
      await deliverUntil(async () => (await state()).status === 'disabled', 20);
      const disabled = await state();
      expect(disabled).toMatchObject({ status: 'disabled', consecutiveFailures: 5, disabledReason: 'HTTP 500' });
      expect(receiverC.received.filter((r) => r.status === 500)).toHaveLength(5);
      const [announced] = await probe.expectExactly((probed) => probed.event.type === WebhookSubscriptionDisabled.type && (probed.event.data as { subscriptionId: string }).subscriptionId === subscription.id, 1);
      expect(announced.event.data).toMatchObject({ organisationId: orgC, consecutiveFailures: 5 });

      await svc.runDueMessages();
      const inbox = await http().get('/inbox').set('x-actor', `partner:${orgC}`).expect(200);
      expect(inbox.body.items.map((item: { subject: string }) => item.subject)).toEqual(['Jeres CMP-webhook er slået fra']);
      expect((await capture.to(contactEmail)).map((mail) => mail.subject)).toEqual(['Jeres CMP-webhook er slået fra']);
      expect((await deliveriesFor(mentees[1]))[0]).toMatchObject({ status: 'failed' });

      // Nothing is queued while it is off; once enabled, a failed delivery can be sent again.
      const later = randomUUID();
      await svc.publish(MenteeApplied, later, { menteeId: later, cohortId: randomUUID(), referringOrganisationId: orgC });
      const known = () => svc.dataSource.query(`SELECT * FROM referred_participants WHERE mentee_id = $1`, [later]);
      await waitFor(known, (rows) => rows.length === 1, { what: 'the later application to be read' });
      await http().post(`/partners/${orgC}/webhook-deliveries/${(await deliveriesFor(mentees[0]))[0].id}/redeliver`).set('x-actor', `partner:${orgC}`).expect(409);
      await http().post(`/partners/${orgC}/webhook-subscriptions/${subscription.id}/enable`).set('x-actor', `partner:${orgC}`).expect(200);
      receiverC.alwaysFail = false;
      await http().post(`/partners/${orgC}/webhook-deliveries/${(await deliveriesFor(mentees[0]))[0].id}/redeliver`).set('x-actor', `partner:${orgC}`).expect(202);
      await svc.runDueWebhooks();
      expect(receiverC.acceptedFor(await pseudonymOf(orgC, mentees[0]))).toHaveLength(1);
      expect(await deliveriesFor(later)).toEqual([]);
    } finally {
      await receiverC.stop();
    }
  });
});
