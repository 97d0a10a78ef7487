import { randomUUID } from 'node:crypto';
import { createServer, Server, Socket } from 'node:net';
import request from 'supertest';
import { ContactData, ContactPublished, MenteeApplied, OrganisationRegistered, SignInLinkRequested } from '@cmp/contracts';
import { hopSigning, waitFor } from '@cmp/testing';
import { MailCapture, NotificationsTestApp, startNotifications } from './notifications-test-app';

/**
 * A partner endpoint that accepts the connection and then trickles a byte every 200 ms, never
 * finishing its answer: a socket idle timeout never trips on it.
 */
class TricklingEndpoint {
  private server: Server | undefined;
  private readonly open = new Set<Socket>();
  connections = 0;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/slow-webhook`;
  }

  get inFlight(): number {
    return this.open.size;
  }

  async start(): Promise<void> {
    this.server = createServer((socket) => {
      this.connections += 1;
      this.open.add(socket);
      socket.on('data', () => undefined);
      socket.write('HTTP/1.1 200 OK\r\n');
      const trickle = setInterval(() => socket.write('X'), 200);
      socket.on('close', () => {
        clearInterval(trickle);
        this.open.delete(socket);
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server?.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

describe('delivery channels: a slow partner endpoint holds up no mail', () => {
  const organisationId = randomUUID();
  let capture: MailCapture;
  let svc: NotificationsTestApp;
  let endpoint: TricklingEndpoint;

  beforeAll(async () => {
    capture = await MailCapture.start();
    // The background loops run as in production; one webhook attempt may take 3 s at most.
    svc = await startNotifications(capture.smtpPort, { pollIntervalMs: 100 });
    endpoint = new TricklingEndpoint();
    await endpoint.start();
  });

  afterAll(async () => {
    await endpoint?.stop();
    await svc?.close();
    await capture?.dispose();
  });

  it('mails a sign-in link while a webhook attempt is stuck on a trickling endpoint, and ends that attempt at its deadline', async () => {
    await svc.publish(OrganisationRegistered, organisationId, { organisationId, name: 'Slow partner', kind: 'company' });
    await waitFor(() => svc.dataSource.query(`SELECT 1 FROM organisations WHERE id = $1`, [organisationId]), (rows) => rows.length === 1, { what: 'the organisation' });
    await request(hopSigning(svc.app, 'notifications'))
      .post(`/partners/${organisationId}/webhook-subscriptions`)
      .set('x-actor', `partner:${organisationId}`)
      .send({ url: endpoint.url, eventTypes: ['dk.cmp.notifications.referral-status-changed.v1'] })
      .expect(201);

    const menteeId = randomUUID();
    await svc.publish(MenteeApplied, menteeId, { menteeId, cohortId: randomUUID(), referralId: randomUUID(), referringOrganisationId: organisationId });
    await waitFor(async () => endpoint.inFlight, (open) => open > 0, { what: 'the webhook attempt to reach the trickling endpoint' });

    const person: ContactData = { personId: randomUUID(), role: 'mentee', name: 'Ana Sousa', email: `${randomUUID().slice(0, 8)}@example.org`, preferredLanguage: 'en' };
    await svc.publish(ContactPublished, person.personId, person);
    await svc.publish(SignInLinkRequested, person.personId, { personId: person.personId, role: 'mentee', link: 'https://cmp.example.org/sign-in/abc123', expiresAt: '2027-02-01T09:15:00.000Z' });
    const mails = await waitFor(() => capture.to(person.email), (found) => found.length === 1, { what: 'the sign-in mail', timeoutMs: 10_000 });
    expect(mails.map((mail) => mail.subject)).toEqual(['Your sign-in link']);
    // The mail went out while the webhook attempt was still held open by the endpoint.
    expect(endpoint.inFlight).toBeGreaterThan(0);

    const [attempt] = await waitFor(
      (): Promise<{ error: string; duration_ms: number }[]> => svc.dataSource.query(`SELECT a.error, a.duration_ms FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.organisation_id = $1`, [organisationId]),
      (rows) => rows.length >= 1,
      { what: 'the stuck attempt to be ended and recorded', timeoutMs: 15_000 },
    );
    expect(attempt.error).toContain('no answer within 3000 ms');
    expect(attempt.duration_ms).toBeLessThan(6000);
  });
});
