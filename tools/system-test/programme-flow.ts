import { HTTP } from 'cloudevents';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { simpleParser } from 'mailparser';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startTsProcess, SystemUnderTest, TsProcess, waitFor, WORKSPACE_ROOT } from '@cmp/testing';

/**
 * The programme's flow, end to end through the gateway's public API, as the people in it would
 * go through it, with what they would see outside the API (their mail, the partner's webhook
 * endpoint) and, for the erasure check, the database itself. Used by programme.int-spec.ts and by
 * the same flow under faults and scaled out (faults.int-spec.ts).
 */

const ZONE = 'Europe/Copenhagen';
const SERVICES = ['enrolment', 'matching', 'scheduling', 'notifications', 'evaluation', 'gateway'];
/** Where SystemUnderTest puts the gateway (ports in service order), known before it starts. */
const GATEWAY_URL = `http://127.0.0.1:${Number(process.env.CMP_SYSTEM_TEST_FIRST_PORT ?? 3100) + SERVICES.indexOf('gateway')}`;
const SCHEMAS = ['enrolment', 'matching', 'scheduling', 'notifications', 'evaluation', 'gateway'];
export const ADMIN = { email: 'admin@cmp.test', password: 'admin-password-for-the-system-test' };
const COORDINATOR = { email: 'coordinator@cmp.test', password: 'coordinator-password-for-the-test' };
const NOTICE_VERSION = '2026-09';
/** How long a step waits for an effect; a run with faults injected gives more (see `ProgrammeFlowOptions`). */
const DEFAULT_WAIT_MS = 60_000;

export interface CapturedMail {
  id: string;
  /** The Message-ID header: a mail sent again after a crash carries the same one. */
  messageId: string | null;
  subject: string;
  text: string;
  html: string | null;
  attachments: { filename: string | null; contentType: string; size: number }[];
}

interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  signatureValid: boolean;
  event?: ReturnType<typeof HTTP.toEvent>;
  problem?: string;
}

export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The real capture SMTP server (apps/notifications/dev/mail-capture.ts) as its own process. */
export class MailCapture {
  private constructor(
    readonly smtpPort: number,
    private readonly httpPort: number,
    private readonly dir: string,
    private readonly process: TsProcess,
    private readonly waitMs: number,
  ) {}

  static async start(waitMs = DEFAULT_WAIT_MS): Promise<MailCapture> {
    const [smtpPort, httpPort] = [await freePort(), await freePort()];
    const dir = mkdtempSync(join(tmpdir(), 'cmp-programme-mail-'));
    const running = await startTsProcess(
      'apps/notifications/dev/mail-capture.ts',
      { MAIL_CAPTURE_SMTP_PORT: String(smtpPort), MAIL_CAPTURE_HTTP_PORT: String(httpPort), MAIL_CAPTURE_DIR: dir },
      { readyLine: 'mail-capture: listening' },
    );
    return new MailCapture(smtpPort, httpPort, dir, running, waitMs);
  }

  async to(address: string): Promise<CapturedMail[]> {
    const entries = (await (await fetch(`http://127.0.0.1:${this.httpPort}/messages?to=${encodeURIComponent(address)}`)).json()) as { id: string }[];
    return Promise.all(entries.map(async ({ id }) => (await (await fetch(`http://127.0.0.1:${this.httpPort}/messages/${id}`)).json()) as CapturedMail));
  }

  async raw(id: string): Promise<string> {
    return (await fetch(`http://127.0.0.1:${this.httpPort}/messages/${id}/raw`)).text();
  }

  /**
   * Waits for a mail to `address` whose subject matches, and returns it. `skip` names mails already
   * taken, by capture id or Message-ID: a mail sent again after a crash keeps its Message-ID, so it
   * is the same mail and never stands in for the next one.
   */
  async waitFor(address: string, subject: RegExp, what: string, skip: ReadonlySet<string> = new Set()): Promise<CapturedMail> {
    const wanted = (mail: CapturedMail) => subject.test(mail.subject) && !skip.has(mail.id) && !(mail.messageId !== null && skip.has(mail.messageId));
    const mails = await waitFor(() => this.to(address), (found) => found.some(wanted), { timeoutMs: this.waitMs, intervalMs: 250, what });
    return mails.filter(wanted).at(-1) as CapturedMail;
  }

  async dispose(): Promise<void> {
    await this.process.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The partner's endpoint, written as a partner would write it: its own HMAC check over
 * "<webhook-timestamp>.<raw body>", a freshness check against the (moved) system clock, and
 * the official CloudEvents SDK to read the event.
 */
export class PartnerReceiver {
  readonly received: ReceivedWebhook[] = [];
  secret = '';
  private server: Server | undefined;
  private port = 0;

  constructor(private readonly now: () => Date) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/cmp-events`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const received = this.accept(req.headers, Buffer.concat(chunks).toString('utf8'));
        this.received.push(received);
        res.writeHead(received.event ? 204 : 400).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server?.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /**
   * The events read from validly signed, fresh deliveries, each once: webhooks are delivered at
   * least once (a sender that dies between the partner's answer and recording it sends again),
   * and a partner tells a redelivery by the CloudEvent's id, as the spec has it.
   */
  events(): { type: string; id: string; data: Record<string, unknown> }[] {
    const seen = new Set<string>();
    return this.received.flatMap(({ event }) => {
      if (!event || Array.isArray(event) || seen.has(event.id)) return [];
      seen.add(event.id);
      return [{ type: event.type, id: event.id, data: event.data as Record<string, unknown> }];
    });
  }

  private accept(headers: IncomingHttpHeaders, body: string): ReceivedWebhook {
    const timestamp = String(headers['webhook-timestamp'] ?? '');
    const signature = String(headers['webhook-signature'] ?? '');
    const expected = Buffer.from(`v1=${createHmac('sha256', this.secret).update(`${timestamp}.${body}`).digest('hex')}`);
    const signatureValid = expected.length === Buffer.byteLength(signature) && timingSafeEqual(expected, Buffer.from(signature));
    if (!signatureValid) return { headers, body, signatureValid, problem: 'bad signature' };
    if (Math.abs(this.now().getTime() / 1000 - Number(timestamp)) > 300) return { headers, body, signatureValid, problem: 'stale timestamp' };
    try {
      return { headers, body, signatureValid, event: HTTP.toEvent({ headers, body }) };
    } catch (error) {
      return { headers, body, signatureValid, problem: `not a CloudEvent: ${(error as Error).message}` };
    }
  }
}

interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A signed-in person. Moving the system clock by months outlives every access and refresh
 * token, so, like a client coming back after a while, it signs in again when told its token
 * has expired.
 */
interface SignedIn {
  readonly email: string;
  readonly password: string;
  bearer: string;
}

type Credential = SignedIn | { apiKey: string } | undefined;

/** The public API as a client sees it; every call says which status it expects. */
export class Gateway {
  private next = 0;

  /**
   * Calls go to the gateways in turn, as a round-robin load balancer sends them. With
   * `retryUnavailableMs`, a call a gateway could not serve (503: the service behind it is down;
   * or no answer: the gateway itself is down) is sent again, to the next gateway, for that long.
   */
  constructor(
    private readonly baseUrls: readonly string[],
    private readonly settings: { around?: <T>(call: () => Promise<T>) => Promise<T>; retryUnavailableMs?: number } = {},
  ) {}

  // The assertions that read a body check its shape; a type per endpoint would only restate them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async call<T = any>(method: string, path: string, options: { as?: Credential; body?: unknown; expect?: number | number[] } = {}): Promise<ApiResponse<T>> {
    let answer = await this.send<T>(method, path, options);
    if (answer.status === 401 && options.as && 'bearer' in options.as && JSON.stringify(answer.body).includes('expired')) {
      options.as.bearer = (await this.signIn(options.as.email, options.as.password)).bearer;
      answer = await this.send<T>(method, path, options);
    }
    const expected = options.expect === undefined ? [] : Array.isArray(options.expect) ? options.expect : [options.expect];
    if (expected.length > 0 && !expected.includes(answer.status)) {
      throw new Error(`${method} /api/v1${path} answered ${answer.status}, expected ${expected.join(' or ')}:\n${JSON.stringify(answer.body)}`);
    }
    return answer;
  }

  private async send<T>(method: string, path: string, options: { as?: Credential; body?: unknown }): Promise<ApiResponse<T>> {
    const giveUpAt = Date.now() + (this.settings.retryUnavailableMs ?? 0);
    for (;;) {
      const baseUrl = this.baseUrls[this.next++ % this.baseUrls.length];
      const attempt = () => this.sendTo<T>(baseUrl, method, path, options);
      const answer = await (this.settings.around ? this.settings.around(attempt) : attempt()).catch((error: unknown) => {
        if (Date.now() >= giveUpAt) throw error;
        return undefined;
      });
      if (answer && (answer.status !== 503 || Date.now() >= giveUpAt)) return answer;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  private async sendTo<T>(baseUrl: string, method: string, path: string, options: { as?: Credential; body?: unknown }): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.as && 'bearer' in options.as) headers.authorization = `Bearer ${options.as.bearer}`;
    if (options.as && 'apiKey' in options.as) headers['x-api-key'] = options.as.apiKey;
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Not JSON (a CSV, an SVG): hand back the text.
    }
    return { status: response.status, body: body as T, headers: response.headers };
  }

  async signIn(email: string, password: string): Promise<SignedIn> {
    const { body } = await this.call<{ accessToken: string }>('POST', '/auth/sign-in', { body: { email, password }, expect: 200 });
    return { email, password, bearer: body.accessToken };
  }
}

/** The first `weekday` (1 = Monday) at `time` Copenhagen on or after `from`'s Copenhagen date. */
export function copenhagenSlot(from: Date, weekday: number, time: string, minutes: number): { startsAt: string; endsAt: string } {
  let day = DateTime.fromJSDate(from, { zone: ZONE }).startOf('day');
  while (day.weekday !== weekday) day = day.plus({ days: 1 });
  const [hour, minute] = time.split(':').map(Number);
  const start = day.set({ hour, minute });
  return { startsAt: start.toUTC().toISO() as string, endsAt: start.plus({ minutes }).toUTC().toISO() as string };
}

export function copenhagenDate(instant: Date, plusDays = 0): string {
  return DateTime.fromJSDate(instant, { zone: ZONE }).plus({ days: plusDays }).toISODate() as string;
}

/** Every text-like column of every table in the services' schemas that contains `needle`. */
export async function findPersonalData(databaseUrl: string, needles: readonly string[]): Promise<{ needle: string; where: string; rows: number; sample: string }[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const columns = await client.query<{ table_schema: string; table_name: string; column_name: string; data_type: string }>(
      `SELECT c.table_schema, c.table_name, c.column_name, c.data_type
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema = ANY($1)
          AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea') OR c.data_type = 'ARRAY')
        ORDER BY 1, 2, 3`,
      [SCHEMAS],
    );
    const hits: { needle: string; where: string; rows: number; sample: string }[] = [];
    for (const { table_schema, table_name, column_name, data_type } of columns.rows) {
      const column = `"${column_name}"`;
      // bytea is read as (lossy) UTF-8 text; everything else through its text form (arrays, json).
      const asText = data_type === 'bytea' ? `encode(${column}, 'escape')` : `${column}::text`;
      for (const needle of needles) {
        const found = await client.query<{ rows: string; sample: string | null }>(
          `SELECT count(*) AS rows, min(left(${asText}, 300)) AS sample FROM "${table_schema}"."${table_name}" WHERE strpos(lower(${asText}), lower($1)) > 0`,
          [needle],
        );
        const rows = Number(found.rows[0].rows);
        if (rows > 0) hits.push({ needle, where: `${table_schema}.${table_name}.${column_name}`, rows, sample: found.rows[0].sample ?? '' });
      }
    }
    return hits;
  } finally {
    await client.end();
  }
}

export interface ProgrammeFlowOptions {
  /** Instances of every service; gateway n talks to the n-th instance of each (default 1). */
  readonly instances?: number;
  /** How long a step waits for an effect (default 60 s). */
  readonly waitMs?: number;
  /** Calls through the gateway go through this first (a fault driver holds calls back while it strikes). */
  readonly around?: <T>(call: () => Promise<T>) => Promise<T>;
  /** How long a call answered 503 (or not answered) is retried on the next gateway (default: not). */
  readonly retryUnavailableMs?: number;
  /** How long a service may take to report ready after a (re)start. */
  readonly readyTimeoutMs?: number;
  /** Variables for one service, on top of the flow's own. */
  readonly serviceEnv?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * The programme's steps over one system, for the end-to-end test and for the same flow under
 * faults and scaled out; each step checks its own outcome, and needs the steps before it.
 */
// The steps hand state on to each other through the closure, as the test's `it`s did.
export function programmeFlow(options: ProgrammeFlowOptions = {}) {
  const WAIT = { timeoutMs: options.waitMs ?? DEFAULT_WAIT_MS, intervalMs: 250 };
  let system: SystemUnderTest;
  let mail: MailCapture;
  let receiver: PartnerReceiver;
  let api: Gateway;

  // What the steps hand on to each other.
  const unique = randomUUID().slice(0, 6);
  const mentee = {
    firstName: 'Ysolde',
    lastName: `Quartermaine${unique}`,
    get name() {
      return `${this.firstName} ${this.lastName}`;
    },
    email: `ysolde.q${unique}@example.org`,
    password: 'mentee-password-long-enough',
    id: '',
  };
  const mentors = [
    { firstName: 'Mette', name: `Mette Jensen${unique}`, email: `mette.j${unique}@example.com`, password: 'mentor-password-long-enough', id: '' },
    { firstName: 'Bjarke', name: `Bjarke Holm${unique}`, email: `bjarke.h${unique}@example.com`, password: 'mentor-password-long-enough', id: '' },
  ];
  let admin: Credential;
  let coordinator: Credential;
  let partner: Credential;
  let menteeCredential: Credential;
  let mentorCredential: Credential;
  let partnerId = '';
  let employerId = '';
  let referralCode = '';
  let referralId = '';
  let cohort: { id: string; startsOn: string; endsOn: string } = { id: '', startsOn: '', endsOn: '' };
  let matchId = '';
  let matchedMentor: (typeof mentors)[number];
  let sessionId = '';
  let completedOn = '';
  const step = { reached: 0 };

  async function start(): Promise<void> {
    mail = await MailCapture.start(WAIT.timeoutMs);
    system = await SystemUnderTest.start({
      services: SERVICES,
      instances: options.instances,
      readyTimeoutMs: options.readyTimeoutMs,
      serviceEnv: {
        ...options.serviceEnv,
        scheduling: { TIMER_POLL_INTERVAL_MS: '250', ...options.serviceEnv?.scheduling },
        notifications: {
          DELIVERY_POLL_INTERVAL_MS: '250',
          WEBHOOK_ALLOW_HTTP: 'true',
          WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(mail.smtpPort),
          ...options.serviceEnv?.notifications,
        },
        evaluation: {
          SURVEY_TIMER_INTERVAL_MS: '1000',
          // The public link goes through the gateway, as a mentee would open it.
          SURVEY_BASE_URL: `${GATEWAY_URL}/api/v1/surveys/answer`,
          SURVEY_ANSWER_RATE_LIMIT: '1000',
          ...options.serviceEnv?.evaluation,
        },
        gateway: {
          GATEWAY_JWT_SECRET: 'a-system-test-secret-that-is-long-enough-0123456789',
          GATEWAY_ACCESS_TOKEN_TTL_SECONDS: '3600',
          GATEWAY_BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
          GATEWAY_BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
          GATEWAY_RATE_LIMIT_PER_MINUTE: '100000',
          GATEWAY_SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000',
          GATEWAY_PUBLIC_LINK_RATE_LIMIT_PER_MINUTE: '100000',
          GATEWAY_SIGN_UP_RATE_LIMIT_PER_MINUTE: '100000',
          ...options.serviceEnv?.gateway,
        },
      },
    });
    expect(system.url('gateway')).toBe(GATEWAY_URL);
    const instances = Array.from({ length: options.instances ?? 1 }, (_, instance) => instance);
    api = new Gateway(
      instances.map((instance) => system.url('gateway', instance)),
      { around: options.around, retryUnavailableMs: options.retryUnavailableMs },
    );
    receiver = new PartnerReceiver(() => system.now());
    await receiver.start();
  }

  async function stop(): Promise<void> {
    // When a step failed, what the services said is the first thing to read (more with
    // CMP_SYSTEM_TEST_LOG_LEVEL=info).
    if (system && step.reached < 8) {
      for (const service of SERVICES) {
        for (let instance = 0; instance < (options.instances ?? 1); instance += 1) {
          process.stderr.write(`\n===== ${service} #${instance} (last output)\n${system.output(service, instance).slice(-10_000)}\n`);
        }
      }
    }
    await receiver?.stop();
    await system?.stop();
    await mail?.dispose();
  }

  /** Moves every service's clock to `instant` (never back). */
  function moveClockTo(instant: Date): void {
    const by = instant.getTime() - system.now().getTime();
    if (by > 0) system.advanceClock(by);
  }

  /**
   * Waits until the partner's endpoint has accepted what the last steps caused. The clock jumps
   * by months; a delivery signed before a jump and arriving after it would look stale to the
   * partner (and be refused, then redelivered), so the test lets deliveries land before jumping.
   */
  async function partnerHasReceived(what: string, statuses: readonly string[], outcomes: readonly string[] = []): Promise<void> {
    const count = (values: readonly unknown[], value: string) => values.filter((candidate) => candidate === value).length;
    await waitFor(
      async () => receiver.events(),
      (events) => {
        const seenStatuses = events.filter((event) => event.type.endsWith('referral-status-changed.v1')).map((event) => event.data.status);
        const seenOutcomes = events.filter((event) => event.type.endsWith('referral-outcome-recorded.v1')).map((event) => event.data.status);
        return statuses.every((status) => count(seenStatuses, status) >= 1) && outcomes.every((status) => count(seenOutcomes, status) >= count(outcomes, status));
      },
      { ...WAIT, what: `the partner's endpoint to receive ${what}` },
    );
  }

  /** Each step needs the ones before it: a failed step fails the later ones with a clear reason. */
  function previousStepsPassed(n: number): void {
    if (step.reached !== n - 1) throw new Error(`step ${n} needs steps 1–${n - 1}, but only steps up to ${step.reached} passed`);
  }

  async function step1(): Promise<void> {
    admin = await api.signIn(ADMIN.email, ADMIN.password);
    await api.call('POST', '/accounts', { as: admin, body: { ...COORDINATOR, role: 'coordinator' }, expect: 201 });
    coordinator = await api.signIn(COORDINATOR.email, COORDINATOR.password);
    expect((await api.call('GET', '/auth/me', { as: coordinator, expect: 200 })).body).toMatchObject({ role: 'coordinator' });

    partnerId = (await api.call('POST', '/organisations', { as: coordinator, body: { name: `Nordlys Energi ${unique}`, kind: 'company' }, expect: 201 })).body.id;
    // The mentors' employer: another company, so no conflict of interest with the referrer.
    employerId = (await api.call('POST', '/organisations', { as: coordinator, body: { name: `Havn Software ${unique}`, kind: 'company' }, expect: 201 })).body.id;

    const key = (await api.call('POST', '/partner-keys', { as: coordinator, body: { organisationId: partnerId, name: 'HR system' }, expect: 201 })).body;
    expect(key.key).toMatch(/^cmp_pk_/);
    partner = { apiKey: key.key };
    // The key speaks for its own organisation only.
    await api.call('GET', `/organisations/${employerId}`, { as: partner, expect: 403 });

    const types = (await api.call('GET', `/partners/${partnerId}/webhook-event-types`, { as: partner, expect: 200 })).body;
    expect(JSON.stringify(types)).toContain('referral-outcome-recorded');
    // Notifications learns of the organisation from enrolment's event: until then it answers 404
    // (and keeps nothing), so the partner tries again, as any client of an eventually consistent API.
    const subscribed = await waitFor(
      () =>
        api.call('POST', `/partners/${partnerId}/webhook-subscriptions`, {
          as: partner,
          body: {
            url: receiver.url,
            eventTypes: ['dk.cmp.notifications.referral-status-changed.v1', 'dk.cmp.notifications.referral-outcome-recorded.v1'],
          },
          expect: [201, 404],
        }),
      (answer) => answer.status === 201,
      { ...WAIT, what: 'notifications to know the partner organisation' },
    );
    const subscription = subscribed.body;
    expect(typeof subscription.secret).toBe('string');
    receiver.secret = subscription.secret;

    // Not bound to a cohort yet: none is scheduled. The placements come once one is.
    const referral = (await api.call('POST', `/organisations/${partnerId}/referrals`, { as: partner, body: { validForDays: 90 }, expect: 201 })).body;
    referralCode = referral.code;
    referralId = referral.id;
    expect(referralCode).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){4}$/);
    step.reached = 1;
  }

  async function step2(): Promise<void> {
    previousStepsPassed(2);
    const now = system.now();
    const startsOn = copenhagenDate(now, 7);
    const created = (
      await api.call('POST', '/cohorts', {
        as: coordinator,
        body: { name: `Winter ${unique}`, startsOn, applicationDeadline: copenhagenDate(now, 3), capacity: 10 },
        expect: 201,
      })
    ).body;
    cohort = { id: created.id, startsOn: created.startsOn, endsOn: created.endsOn };
    expect(cohort.startsOn).toBe(startsOn);
    await api.call('POST', `/cohorts/${cohort.id}/open`, { as: coordinator, expect: [200, 201] });
    await api.call('POST', `/organisations/${partnerId}/placements`, { as: partner, body: { cohortId: cohort.id, count: 2 }, expect: 201 });

    const applicationBody = {
      referralCode,
      cohortId: cohort.id,
      name: mentee.name,
      email: mentee.email,
      password: mentee.password,
      preferredLanguage: 'en',
      countryOfOrigin: 'PT',
      municipality: '101',
      languages: [
        { language: 'en', level: 'C1' },
        { language: 'da', level: 'A2' },
      ],
      education: { level: 7, field: '06' },
      yearsOfExperience: 8,
      lastOccupation: '2512',
      targetOccupations: ['2512', '2511'],
      targetIndustries: ['J', '62'],
      skills: ['typescript', 'project management'],
      availability: [{ day: 'tue', start: '17:00', end: '19:00' }],
      preferences: { meetingMode: 'either', mentorIndustries: ['J'] },
      motivation: 'I moved to Copenhagen with my partner and want to work in software again.',
      consents: [
        { purpose: 'programme-participation', granted: true, noticeVersion: NOTICE_VERSION },
        { purpose: 'follow-up-surveys', granted: true, noticeVersion: NOTICE_VERSION },
        { purpose: 'share-outcomes-with-referrer', granted: true, noticeVersion: NOTICE_VERSION },
      ],
    };
    // The answer says nothing about the address (it would be the same had it an account); the
    // applicant finds her application once signed in.
    const received = (await api.call('POST', '/applications', { body: applicationBody, expect: 202 })).body;
    expect(received).toMatchObject({ status: 'received' });
    menteeCredential = await api.signIn(mentee.email, mentee.password);
    const me = (await api.call('GET', '/auth/me', { as: menteeCredential, expect: 200 })).body;
    expect(me).toMatchObject({ role: 'mentee' });
    mentee.id = me.subjectId;
    const application = (await api.call('GET', `/mentees/${mentee.id}`, { as: menteeCredential, expect: 200 })).body;
    // A referral vouches for eligibility: accepted and placed at once.
    expect(application.status).toBe('placed');

    // Someone applies again with her address: the same answer as for a new one, nothing new is
    // created, and she is told by email.
    const { referralCode: _spent, ...again } = applicationBody;
    expect((await api.call('POST', '/applications', { body: { ...again, password: 'somebody else typed this' }, expect: 202 })).body).toEqual(received);
    await mail.waitFor(mentee.email, /^Someone used your email address/, 'the notice of the second application');
    await api.call('POST', '/auth/sign-in', { body: { email: mentee.email, password: 'somebody else typed this' }, expect: 401 });

    for (const [index, mentor] of mentors.entries()) {
      const registered = (
        await api.call('POST', '/mentors', {
          body: {
            name: mentor.name,
            email: mentor.email,
            password: mentor.password,
            preferredLanguage: 'en',
            employerOrganisationId: employerId,
            occupation: index === 0 ? '2512' : '2411',
            industry: index === 0 ? '62' : 'K',
            yearsOfExperience: 15,
            languages: [
              { language: 'da', level: 'C2' },
              { language: 'en', level: 'C1' },
            ],
            expertise: ['hiring', 'cv review'],
            capacity: 2,
            availability: [{ day: 'tue', start: '16:00', end: '20:00' }],
            cohortIds: [cohort.id],
            municipality: '147',
          },
          expect: 202,
        })
      ).body;
      expect(registered).toMatchObject({ status: 'received' });
      mentor.id = (await api.call('GET', '/auth/me', { as: await api.signIn(mentor.email, mentor.password), expect: 200 })).body.subjectId;
    }
    step.reached = 2;
  }

  async function step3(): Promise<void> {
    previousStepsPassed(3);
    const placed = (await api.call('GET', `/mentees/${mentee.id}`, { as: coordinator, expect: 200 })).body;
    if (placed.status === 'applied') await api.call('POST', `/mentees/${mentee.id}/accept`, { as: coordinator, expect: [200, 201] });
    await api.call('POST', `/cohorts/${cohort.id}/close`, { as: coordinator, expect: [200, 201] });

    // Matching learns of the cohort, the mentee and the mentors from enrolment's events.
    const run = await waitFor(
      async () => {
        const started = await api.call('POST', `/cohorts/${cohort.id}/runs`, { as: coordinator, body: {}, expect: [202, 404] });
        if (started.status === 404) return undefined;
        const finished = await waitFor(
          async () => (await api.call('GET', `/runs/${started.body.runId}`, { as: coordinator, expect: 200 })).body,
          (polled) => polled.status !== 'running',
          { ...WAIT, what: 'the matching run to finish' },
        );
        return finished.proposals?.some((proposal: { menteeId: string }) => proposal.menteeId === mentee.id) ? finished : undefined;
      },
      (found) => found !== undefined,
      { ...WAIT, intervalMs: 1000, what: 'a matching run that proposes the mentee' },
    );
    const proposal = run.proposals.find((candidate: { menteeId: string }) => candidate.menteeId === mentee.id);
    matchedMentor = mentors.find((mentor) => mentor.id === proposal.mentorId) as (typeof mentors)[number];
    expect(matchedMentor).toBeDefined();
    const confirmed = (await api.call('POST', `/runs/${run.id}/confirm`, { as: coordinator, body: {}, expect: 200 })).body;
    matchId = confirmed.find((match: { menteeId: string }) => match.menteeId === mentee.id).id;

    const menteeIntro = await mail.waitFor(mentee.email, /^Meet /, "the mentee's introduction mail");
    expect(menteeIntro.subject).toBe(`Meet ${matchedMentor.firstName}, your mentor`);
    expect(menteeIntro.text).toContain(matchedMentor.firstName);
    expect(menteeIntro.text).toContain(matchedMentor.email);
    const mentorIntro = await mail.waitFor(matchedMentor.email, /^Meet /, "the mentor's introduction mail");
    expect(mentorIntro.subject).toBe(`Meet ${mentee.firstName}, your mentee`);
    expect(mentorIntro.text).toContain(mentee.firstName);
    expect(mentorIntro.text).toContain(mentee.email);

    // The mentee sees the confirmed match too, through the gateway.
    const own = (await api.call('GET', `/people/${mentee.id}/matches`, { as: menteeCredential, expect: 200 })).body;
    expect(own).toEqual(expect.arrayContaining([expect.objectContaining({ id: matchId, status: 'confirmed' })]));
    await partnerHasReceived('the referral so far', ['applied', 'accepted', 'placed', 'matched']);
    step.reached = 3;
  }

  async function step4(): Promise<void> {
    previousStepsPassed(4);
    mentorCredential = await api.signIn(matchedMentor.email, matchedMentor.password);
    // The gateway learns who is in the match from matching's events.
    await waitFor(
      async () => (await api.call('GET', `/matches/${matchId}/plan`, { as: menteeCredential })).status,
      (status) => status === 200,
      { ...WAIT, what: "the match's plan to be the mentee's to see" },
    );

    // Both are free on Tuesdays 17–19 Copenhagen time; take the first Tuesday after the start.
    const slot = copenhagenSlot(new Date(`${cohort.startsOn}T12:00:00Z`), 2, '17:00', 60);
    const proposed = (
      await api.call('POST', `/matches/${matchId}/sessions`, {
        as: menteeCredential,
        body: { slots: [slot], mode: 'online', link: 'https://meet.example.org/kick-off' },
        expect: 201,
      })
    ).body;
    sessionId = proposed.id;
    expect(proposed.status).toBe('proposed');
    await waitFor(
      async () => (await api.call('GET', `/sessions/${sessionId}`, { as: mentorCredential })).status,
      (status) => status === 200,
      { ...WAIT, what: 'the session to be the mentor’s to see' },
    );
    const confirmed = (await api.call('POST', `/sessions/${sessionId}/confirm`, { as: mentorCredential, body: { startsAt: slot.startsAt }, expect: 200 })).body;
    expect(confirmed.status).toBe('confirmed');

    const invitation = await mail.waitFor(mentee.email, new RegExp(`^Session with ${matchedMentor.firstName} on`), "the mentee's session invitation");
    expect(invitation.attachments.map((attachment) => attachment.contentType)).toContain('application/ics');
    const parsed = await simpleParser(await mail.raw(invitation.id));
    const ics = parsed.attachments.find((attachment) => attachment.contentType === 'application/ics')?.content.toString('utf8') ?? '';
    expect(ics).toContain('METHOD:REQUEST');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent') ?? undefined);
    expect(event.uid).toBe(`${sessionId}@cmp`);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(slot.startsAt).toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(new Date(slot.endsAt).toISOString());
    await mail.waitFor(matchedMentor.email, new RegExp(`^Session with ${mentee.firstName} on`), "the mentor's session invitation");

    // A session is recorded as held only once it has started.
    await api.call('POST', `/sessions/${sessionId}/complete`, {
      as: mentorCredential,
      body: { topics: ['CV'], nextSteps: 'Send two applications', introductions: [] },
      expect: 409,
    });
    moveClockTo(new Date(new Date(slot.endsAt).getTime() + 60_000));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const held = (
      await api.call('POST', `/sessions/${sessionId}/complete`, {
        as: mentorCredential,
        body: { topics: ['CV', 'the Danish labour market'], nextSteps: 'Send two applications', introductions: ['a recruiter at Havn Software'] },
        expect: 200,
      })
    ).body;
    expect(held.status).toBe('completed');
    // The coordinator starts the programme now that its first day has passed.
    await api.call('POST', `/cohorts/${cohort.id}/start`, { as: coordinator, expect: [200, 201] });
    step.reached = 4;
  }

  async function step5(): Promise<void> {
    previousStepsPassed(5);
    const plan = (await api.call('GET', `/matches/${matchId}/plan`, { as: coordinator, expect: 200 })).body;
    completedOn = plan.endsOn;
    expect(completedOn).toBe(cohort.endsOn);
    const followUpAt = (months: number) => DateTime.fromISO(completedOn, { zone: ZONE }).plus({ months }).set({ hour: 9, minute: 5 }).toJSDate();

    // The programme ends when its last day is over in Copenhagen.
    moveClockTo(DateTime.fromISO(completedOn, { zone: ZONE }).plus({ days: 1, minutes: 5 }).toJSDate());
    const completion = await mail.waitFor(mentee.email, /^Congratulations on completing the programme/, 'the completion mail');
    expect(completion.text).toContain(mentee.firstName);
    // Each follow-up mail carries its own survey link, through the gateway.
    const surveyToken = (survey: CapturedMail) => {
      const link = new RegExp(`${GATEWAY_URL}/api/v1/surveys/answer/([A-Za-z0-9_-]{40,})`).exec(survey.text);
      expect(link).not.toBeNull();
      return (link as RegExpExecArray)[1];
    };
    const atCompletion = await mail.waitFor(mentee.email, /^How are things going\?/, 'the follow-up survey at completion');
    const seen = new Set([atCompletion.id, atCompletion.messageId ?? atCompletion.id]);
    await partnerHasReceived('the completion', ['completed']);

    moveClockTo(followUpAt(3));
    const threeMonths = await mail.waitFor(mentee.email, /^How are things going\?/, 'the three-month follow-up survey', seen);
    seen.add(threeMonths.id).add(threeMonths.messageId ?? threeMonths.id);
    // The survey at completion expired unanswered meanwhile: a "no-answer" outcome.
    await partnerHasReceived('the first no-answer outcome', ['completed'], ['no-answer']);

    moveClockTo(followUpAt(6));
    const sixMonths = await mail.waitFor(mentee.email, /^How are things going\?/, 'the six-month follow-up survey', seen);
    const tokens = [atCompletion, threeMonths, sixMonths].map(surveyToken);
    expect(new Set(tokens).size).toBe(3);
    const token = tokens[2];

    const survey = (await api.call('GET', `/surveys/answer/${token}`, { expect: 200 })).body;
    expect(JSON.stringify(survey)).toContain('status');
    const startedOn = DateTime.fromISO(completedOn).plus({ months: 2 }).toISODate() as string;
    await api.call('POST', `/surveys/answer/${token}`, {
      body: { answers: { status: 'employed', startedOn, hours: 'full-time', terms: 'permanent', sector: '62', occupation: '2512', throughMentorNetwork: 'yes' } },
      expect: [200, 201],
    });
    // Once only.
    await api.call('POST', `/surveys/answer/${token}`, { body: { answers: { status: 'unemployed' } }, expect: 409 });
    step.reached = 5;
  }

  async function step6(): Promise<void> {
    previousStepsPassed(6);
    const report = await waitFor(
      async () => (await api.call('GET', `/reports/cohorts/${cohort.id}`, { as: coordinator, expect: 200 })).body,
      (found) => found.kpis.outcomes.employed.ofCompleted.count === 1,
      { ...WAIT, what: 'the cohort report to count the mentee as employed' },
    );
    expect(report.cohort.id).toBe(cohort.id);
    expect(report.kpis).toMatchObject({ participants: 1, completed: 1, employedWithinSixMonths: { count: 1, of: 1, percent: 100 }, sessionsPerPair: { pairs: 1, mean: 1 } });
    expect(report.kpis.medianDaysToFirstJob).toBeGreaterThan(55);
    step.reached = 6;
  }

  async function step7(): Promise<void> {
    previousStepsPassed(7);
    await partnerHasReceived('the outcomes', ['completed'], ['employed', 'no-answer', 'no-answer']);
    const events = receiver.events();
    expect(receiver.received.filter((delivery) => !delivery.event)).toEqual([]);
    expect(receiver.received.every((delivery) => delivery.signatureValid)).toBe(true);
    expect(receiver.received.every((delivery) => String(delivery.headers['content-type']).startsWith('application/cloudevents+json'))).toBe(true);

    // The referral's life in CMP, in the order it happened (deliveries may arrive in any order).
    const statuses = events
      .filter((event) => event.type === 'dk.cmp.notifications.referral-status-changed.v1')
      .sort((a, b) => String(a.data.occurredAt).localeCompare(String(b.data.occurredAt)))
      .map((event) => event.data.status);
    expect(statuses).toEqual(['applied', 'accepted', 'placed', 'matched', 'completed']);
    // The surveys at completion and at +3 months expired unanswered (the clock jumped past
    // them): those are "no-answer" outcomes. The six-month answer is the one that counts.
    const outcomes = events.filter((event) => event.type === 'dk.cmp.notifications.referral-outcome-recorded.v1').map((event) => event.data);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['employed', 'no-answer', 'no-answer']);
    expect(outcomes.find((outcome) => outcome.status === 'employed')).toMatchObject({
      cohortId: cohort.id,
      hours: 'full-time',
      terms: 'permanent',
      sector: '62',
      throughMentorNetwork: true,
      startedOn: DateTime.fromISO(completedOn).plus({ months: 2 }).toISODate(),
    });
    const participants = new Set(events.map((event) => event.data.participantId));
    expect(participants.size).toBe(1);
    // Pseudonymous: nothing that names the person travels to the partner.
    const everything = receiver.received.map((delivery) => delivery.body).join('\n');
    for (const personal of [mentee.name, mentee.firstName, mentee.lastName, mentee.email]) expect(everything).not.toContain(personal);
    // Nor her id in CMP: the partner knows her by a pseudonym of its own.
    expect(everything).not.toContain(mentee.id);
    expect(events.filter((event) => event.data.referralId !== undefined).every((event) => event.data.referralId === referralId)).toBe(true);
    step.reached = 7;
  }

  async function step8(): Promise<void> {
    previousStepsPassed(8);
    const needles = [mentee.email, mentee.name, mentee.firstName, mentee.lastName];
    // Before: the data is there, in several services (this is what makes the check below mean something).
    const before = await findPersonalData(system.adminDatabaseUrl, needles);
    expect([...new Set(before.map((hit) => hit.where.split('.')[0]))]).toEqual(expect.arrayContaining(['enrolment', 'notifications', 'gateway']));

    // A fresh token (the clock has moved by months), then one mistyped password: the gateway
    // counts that failure against her email, which the erasure must clear too.
    await api.call('GET', '/auth/me', { as: menteeCredential, expect: 200 });
    await api.call('POST', '/auth/sign-in', { body: { email: mentee.email, password: `${mentee.password}-typo` }, expect: 401 });

    await api.call('POST', `/people/${mentee.id}/erase`, { as: menteeCredential, expect: 204 });
    // The gateway drops the account, and with it her sessions, when it learns of the erasure.
    // (Checked with the token she holds: a new sign-in attempt would itself store the email typed.)
    await waitFor(
      async () => (await api.call('GET', '/auth/me', { as: menteeCredential })).status,
      (status) => status === 401,
      { ...WAIT, what: "the gateway to remove the mentee's account" },
    );

    let hits: Awaited<ReturnType<typeof findPersonalData>> = [];
    try {
      hits = await waitFor(() => findPersonalData(system.adminDatabaseUrl, needles), (found) => found.length === 0, {
        timeoutMs: 30_000,
        intervalMs: 1000,
        what: "every service to forget the mentee's name and email",
      });
    } catch {
      hits = await findPersonalData(system.adminDatabaseUrl, needles);
    }
    expect(hits).toEqual([]);
    step.reached = 8;
  }

  async function step9(): Promise<void> {
    const pinned = `v${readFileSync(join(WORKSPACE_ROOT, '.node-version'), 'utf8').trim()}`;
    const everyInstance = SERVICES.flatMap((service) => Array.from({ length: options.instances ?? 1 }, (_, instance) => ({ service, instance })));
    const reported = await Promise.all(
      everyInstance.map(async ({ service, instance }) => {
        const health = (await (await fetch(`${system.url(service, instance)}/health/ready`)).json()) as { details?: { runtime?: { node?: string } } };
        return [service, instance, health.details?.runtime?.node];
      }),
    );
    expect(reported).toEqual(everyInstance.map(({ service, instance }) => [service, instance, pinned]));
  }

  return {
    start,
    stop,
    /** What the steps made and saw, for checks of a whole run. */
    state: () => ({ system, mail, receiver, api, coordinator, menteeCredential, mentee, matchedMentor, matchId, sessionId, cohort }),
    steps: [
      { title: '1. admin signs in and creates a coordinator; the coordinator registers a partner and gives it an API key; the partner subscribes a webhook and issues a referral code', run: step1 },
      { title: '2. the coordinator schedules and opens a cohort; the spouse applies with the referral code and gets an account; mentors register', run: step2 },
      { title: '3. the coordinator closes applications, runs matching and confirms; both people get the introduction mail', run: step3 },
      { title: '4. the mentee proposes a session, the mentor confirms it (mail with an .ics), and it is recorded as held', run: step4 },
      { title: '5. at the end of the programme and +3 and +6 months the follow-ups fire; the mentee answers the six-month survey "employed" by its link', run: step5 },
      { title: "6. the coordinator's cohort report shows the mentee employed within six months", run: step6 },
      { title: "7. the partner's endpoint got the consented events, each signed and a valid CloudEvent, the outcome included", run: step7 },
      { title: '8. the mentee asks for erasure, and afterwards no service schema holds her name or email', run: step8 },
      { title: 'runs every service, the gateway included, on the Node.js the project pins, as each tells operators on its health', run: step9 },
    ],
  };
}
