import { createHash, randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import request from 'supertest';
import { ExistingAccountEnrolmentAttempted, PersonErased, SignInLinkRequested, toKafkaBinaryMessage } from '@cmp/contracts';
import { createKafka } from '@cmp/messaging';
import { EventProbe, testInfrastructure, waitFor } from '@cmp/testing';
import { SignInFailureRetention } from '../src/application/sign-in/sign-in-failure-retention';
import { SignInFailureKeys } from '../src/domain/sign-in-failure-keys';
import { BOOTSTRAP_ADMIN, GatewayTestApp, startGateway, TEST_SIGN_IN_FAILURE_SECRET } from './gateway-test-app';
import { StubUpstreams } from './stub-upstreams';

const MINUTE = 60_000;
const PASSWORD = 'a long enough password';
/** Where the lock-out counter of an email is stored: under a keyed hash, never the email. */
const failureKeys = new SignInFailureKeys(TEST_SIGN_IN_FAILURE_SECRET);

describe('gateway accounts and sign-in (real database and broker)', () => {
  let stubs: StubUpstreams;
  let gateway: GatewayTestApp;
  let probe: EventProbe;

  const http = () => request(gateway.app.getHttpServer());
  const later = (ms: number) => gateway.setNow(new Date(gateway.now().getTime() + ms));

  function signIn(email: string, password: string) {
    return http().post('/api/v1/auth/sign-in').send({ email, password });
  }

  /** A fresh admin token: tests move the clock past older ones. */
  async function adminToken(): Promise<string> {
    return (await signIn(BOOTSTRAP_ADMIN.email, BOOTSTRAP_ADMIN.password).expect(200)).body.accessToken;
  }

  async function coordinator(): Promise<{ email: string; id: string }> {
    const email = `${randomUUID()}@staff.test`;
    const admin = await adminToken();
    const created = await http().post('/api/v1/accounts').set('authorization', `Bearer ${admin}`).send({ email, password: PASSWORD, role: 'coordinator' }).expect(201);
    return { email, id: created.body.id };
  }

  async function mentee(password?: string): Promise<{ email: string; personId: string }> {
    const email = `${randomUUID()}@people.test`;
    const personId = randomUUID();
    stubs.answer = () => ({ status: 201, body: { id: personId, status: 'applied' } });
    await http().post('/api/v1/applications').send({ email, ...(password ? { password } : {}), name: 'Amira' }).expect(202);
    return { email, personId };
  }

  beforeAll(async () => {
    stubs = await StubUpstreams.start();
    gateway = await startGateway({ upstreams: stubs.urls, now: new Date('2027-01-04T09:00:00Z') });
    // After the gateway, which creates its topic on start-up; the probe reads it from the beginning.
    probe = await EventProbe.start([SignInLinkRequested.topic]);
  });

  afterAll(async () => {
    await probe?.stop();
    await gateway?.close();
    await stubs?.stop();
  });

  beforeEach(async () => {
    // Every test signs in from the same address: each starts with the address's record clean.
    await gateway.dataSource.query(`DELETE FROM sign_in_failures`);
    stubs.clear();
    stubs.answer = () => ({ status: 200, body: { id: randomUUID() } });
  });

  describe('password sign-in', () => {
    it('issues an access token and a refresh token for the right password, argon2id-hashed at rest', async () => {
      const { email, id } = await coordinator();
      const response = await signIn(email, PASSWORD).expect(200);
      const me = await http().get('/api/v1/auth/me').set('authorization', `Bearer ${response.body.accessToken}`).expect(200);
      const [stored] = await gateway.dataSource.query(`SELECT password_hash FROM accounts WHERE id = $1`, [id]);

      expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, refreshToken: expect.any(String) });
      expect(me.body).toMatchObject({ role: 'coordinator', subjectId: id });
      expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    });

    it('answers a wrong password and an unknown email alike', async () => {
      const { email } = await coordinator();
      const wrong = await signIn(email, 'not the password').expect(401);
      const unknown = await signIn(`${randomUUID()}@nowhere.test`, PASSWORD).expect(401);
      expect(wrong.body).toEqual({ ...unknown.body, instance: wrong.body.instance, correlationId: wrong.body.correlationId });
      expect(wrong.body.type).toBe('https://cmp.dk/problems/gateway/invalid-credentials');
    });

    it('creates mentee accounts through the application and never passes the password on', async () => {
      const { email, personId } = await mentee(PASSWORD);
      const tokens = (await signIn(email, PASSWORD).expect(200)).body;
      const me = await http().get('/api/v1/auth/me').set('authorization', `Bearer ${tokens.accessToken}`).expect(200);
      const forwarded = JSON.parse(stubs.received[0].body);

      expect(me.body).toMatchObject({ role: 'mentee', subjectId: personId });
      expect(forwarded).toEqual({ email, name: 'Amira' });
      expect(stubs.received[0]).toMatchObject({ service: 'enrolment', url: '/applications' });
    });

    it('answers an address that has an account exactly as a new one, creates nothing, and tells the owner instead', async () => {
      const { email, personId } = await mentee(PASSWORD);
      const { email: staffEmail } = await coordinator();
      stubs.answer = () => ({ status: 201, body: { id: randomUUID(), status: 'applied' } });
      const apply = (address: string, correlationId: string) =>
        http().post('/api/v1/applications').set('x-correlation-id', correlationId).set('idempotency-key', randomUUID()).send({ email: address, password: 'another long password', name: 'Eve' });
      const comparable = (response: request.Response) => ({
        status: response.status,
        body: response.body,
        headers: Object.fromEntries(Object.entries(response.headers).filter(([name]) => !/^(date|x-correlation-id|x-request-id|x-ratelimit-.*|etag|content-length)$/.test(name))),
      });

      stubs.clear();
      const fresh = await apply(`${randomUUID()}@people.test`, `apply-${randomUUID()}`);
      const [creation] = stubs.received;
      stubs.clear();
      const menteeCorrelation = `apply-${randomUUID()}`;
      const existing = await apply(email, menteeCorrelation);
      const [dryRun] = stubs.received;
      stubs.clear();
      const staffCorrelation = `apply-${randomUUID()}`;
      const staff = await apply(staffEmail, staffCorrelation);

      expect(comparable(fresh)).toMatchObject({ status: 202, body: { status: 'received' } });
      expect(comparable(existing)).toEqual(comparable(fresh));
      expect(comparable(staff)).toEqual(comparable(fresh));
      expect(JSON.stringify(fresh.body)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      // Enrolment checks the request either way (the same validation errors), but keeps nothing
      // for an address that already has an account, and no replay of a dry run is remembered.
      expect(creation.headers['x-enrolment-dry-run']).toBeUndefined();
      expect(dryRun).toMatchObject({ service: 'enrolment', url: '/applications', headers: expect.objectContaining({ 'x-enrolment-dry-run': 'true' }) });
      expect(dryRun.headers['idempotency-key']).toBeUndefined();
      const accounts = await gateway.dataSource.query(`SELECT role, person_id, status FROM accounts WHERE email = ANY($1)`, [[email, staffEmail]]);
      expect(accounts.map((account: { role: string }) => account.role).sort()).toEqual(['coordinator', 'mentee']);
      await signIn(email, PASSWORD).expect(200);
      await signIn(email, 'another long password').expect(401);

      const [told] = await probe.expectExactly((probed) => probed.event.correlationid === menteeCorrelation, 1);
      expect(told.event).toMatchObject({ type: ExistingAccountEnrolmentAttempted.type, data: { personId, role: 'mentee', attemptedAs: 'mentee' } });
      // Staff have no contact in notifications: nobody to mail, and nothing about them on the topic.
      expect(await probe.expectExactly((probed) => probed.event.correlationid === staffCorrelation, 0)).toEqual([]);
    });

    it("passes on enrolment's refusal alike for a new and an existing address, and keeps no account for it", async () => {
      const { email } = await mentee(PASSWORD);
      const refusedEmail = `${randomUUID()}@people.test`;
      stubs.answer = () => ({ status: 422, contentType: 'application/problem+json', body: { type: 'https://cmp.dk/problems/enrolment/referral-unusable', title: 'x', status: 422, instance: '/applications' } });
      const refused = await http().post('/api/v1/applications').send({ email: refusedEmail, password: PASSWORD }).expect(422);
      const refusedExisting = await http().post('/api/v1/applications').send({ email, password: PASSWORD }).expect(422);
      const [{ n }] = await gateway.dataSource.query(`SELECT count(*)::int AS n FROM accounts WHERE email = $1`, [refusedEmail]);
      expect(refused.body).toMatchObject({ type: 'https://cmp.dk/problems/enrolment/referral-unusable', instance: '/api/v1/applications' });
      expect({ ...refusedExisting.body, correlationId: undefined }).toEqual({ ...refused.body, correlationId: undefined });
      expect(n).toBe(0);
    });

    it('answers an open application enrolment knows but the gateway has no account for like any existing address', async () => {
      const email = `${randomUUID()}@people.test`;
      stubs.answer = () => ({ status: 409, contentType: 'application/problem+json', body: { type: 'https://cmp.dk/problems/enrolment/duplicate-application', title: 'x', status: 409 } });
      const response = await http().post('/api/v1/applications').send({ email, password: PASSWORD }).expect(202);
      const [{ n }] = await gateway.dataSource.query(`SELECT count(*)::int AS n FROM accounts WHERE email = $1`, [email]);
      expect(response.body).toMatchObject({ status: 'received' });
      expect(n).toBe(0);
    });

    it('answers a mentor registration enrolment refuses as a duplicate like any existing address', async () => {
      const email = `${randomUUID()}@people.test`;
      stubs.answer = () => ({ status: 409, contentType: 'application/problem+json', body: { type: 'https://cmp.dk/problems/enrolment/duplicate-registration', title: 'x', status: 409 } });
      const first = await http().post('/api/v1/mentors').send({ email, password: PASSWORD }).expect(202);
      const again = await http().post('/api/v1/mentors').send({ email, password: PASSWORD }).expect(202);
      expect(first.body).toMatchObject({ status: 'received' });
      expect(again.body).toEqual(first.body);
    });
  });

  describe('lock-out', () => {
    it('locks an account after five failures, even against the right password, until the lock runs out', async () => {
      const { email } = await coordinator();
      for (let attempt = 0; attempt < 5; attempt++) await signIn(email, 'wrong password').expect(401);

      const locked = await signIn(email, PASSWORD).expect(429);
      const [row] = await gateway.dataSource.query(`SELECT locked_until, lockouts FROM sign_in_failures WHERE key = $1`, [failureKeys.account(email)]);
      expect(locked.body).toMatchObject({ type: 'https://cmp.dk/problems/gateway/locked-out', retryAfterSeconds: 60 });
      expect(locked.headers['retry-after']).toBe('60');
      expect(row).toMatchObject({ lockouts: 1, locked_until: new Date(gateway.now().getTime() + MINUTE) });

      later(MINUTE + 1000);
      await signIn(email, PASSWORD).expect(200);
      const [{ n }] = await gateway.dataSource.query(`SELECT count(*)::int AS n FROM sign_in_failures WHERE key = $1`, [failureKeys.account(email)]);
      expect(n).toBe(0);
    });

    it('stores neither the typed email nor the client address in clear, only keyed hashes', async () => {
      const { email } = await coordinator();
      const unknown = `${randomUUID()}@nowhere.test`;
      await signIn(email, 'wrong password').expect(401);
      await signIn(unknown, 'wrong password').expect(401);

      const rows: { key: string }[] = await gateway.dataSource.query(`SELECT key FROM sign_in_failures`);
      const stored = JSON.stringify(await gateway.dataSource.query(`SELECT * FROM sign_in_failures`));
      const keys = rows.map((row) => row.key);
      expect(keys.filter((key) => key.startsWith('account:')).sort()).toEqual([failureKeys.account(email), failureKeys.account(unknown)].sort());
      expect(keys.filter((key) => !key.startsWith('account:'))).toEqual([expect.stringMatching(/^ip:[0-9a-f]{64}$/)]);
      for (const clear of [email, unknown, email.split('@')[0], '127.0.0.1', '::ffff:127.0.0.1']) expect(stored).not.toContain(clear);
      await expect(
        gateway.dataSource.query(`INSERT INTO sign_in_failures (key, failures, window_started_at, lockouts, expires_at) VALUES ($1, 1, now(), 0, now())`, [`account:${email}`]),
      ).rejects.toThrow(/sign_in_failures_key_is_keyed_hash/);
    });

    it('deletes counters once their window and lock are over, and keeps those that still count', async () => {
      const retention = gateway.app.get(SignInFailureRetention);
      const { email: locked } = await coordinator();
      for (let attempt = 0; attempt < 5; attempt++) await signIn(locked, 'wrong password').expect(401);
      later(14 * MINUTE);
      const { email: counting } = await coordinator();
      await signIn(counting, 'wrong password').expect(401);
      const keysLeft = async () => ((await gateway.dataSource.query(`SELECT key FROM sign_in_failures`)) as { key: string }[]).map((row) => row.key);

      // 16 minutes after the lock-out: its window (15) and lock (1) are over, but a returning
      // guesser must still meet a doubled lock for the longest lock (30) more.
      later(2 * MINUTE);
      expect(await retention.deleteExpired()).toBe(0);
      // Then the locked account's counter goes, and the address's, whose window opened with it.
      later(30 * MINUTE);
      expect(await retention.deleteExpired()).toBe(2);
      expect(await keysLeft()).toEqual([failureKeys.account(counting)]);

      later(15 * MINUTE);
      expect(await retention.deleteExpired()).toBe(1);
      expect(await keysLeft()).toEqual([]);
    });

    it('keeps the lock in the database, so every instance enforces it', async () => {
      const { email } = await coordinator();
      const second = await startGateway({ upstreams: stubs.urls, now: gateway.now(), sharedSchema: gateway.schema });
      try {
        for (let attempt = 0; attempt < 5; attempt++) await signIn(email, 'wrong password').expect(401);
        const elsewhere = await request(second.app.getHttpServer()).post('/api/v1/auth/sign-in').send({ email, password: PASSWORD }).expect(429);
        const [{ admins }] = await gateway.dataSource.query(`SELECT count(*)::int AS admins FROM accounts WHERE role = 'admin'`);
        expect(elsewhere.body.type).toBe('https://cmp.dk/problems/gateway/locked-out');
        expect(admins).toBe(1);
      } finally {
        await second.close();
      }
      later(MINUTE + 1000);
    });

    it('doubles the lock when the guessing goes on', async () => {
      const { email } = await coordinator();
      for (let attempt = 0; attempt < 5; attempt++) await signIn(email, 'wrong password').expect(401);
      later(MINUTE + 1000);
      for (let attempt = 0; attempt < 5; attempt++) await signIn(email, 'wrong password').expect(401);
      expect((await signIn(email, PASSWORD).expect(429)).body.retryAfterSeconds).toBe(120);
      later(2 * MINUTE + 1000);
    });

    it('locks a client address that guesses across many accounts', async () => {
      const { email } = await coordinator();
      // Thirty failures from one address, each on another email so no account locks.
      for (let attempt = 0; attempt < 30; attempt++) await signIn(`${randomUUID()}@guess.test`, 'guess').expect(401);

      const locked = await signIn(email, PASSWORD).expect(429);
      expect(locked.body.type).toBe('https://cmp.dk/problems/gateway/locked-out');
      later(MINUTE + 1000);
      await signIn(email, PASSWORD).expect(200);
    });
  });

  describe('sessions', () => {
    it('rotates the refresh token and revokes the whole session when a spent one comes back', async () => {
      const { email } = await coordinator();
      const first = (await signIn(email, PASSWORD).expect(200)).body;
      const second = (await http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      await http().get('/api/v1/auth/me').set('authorization', `Bearer ${second.accessToken}`).expect(200);

      const reused = await http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
      expect(reused.body.detail).toContain('already used');
      // The thief's and the owner's tokens die together.
      await http().post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
      await http().get('/api/v1/auth/me').set('authorization', `Bearer ${second.accessToken}`).expect(401);
      const [session] = await gateway.dataSource.query(
        `SELECT s.revoked_reason FROM sessions s JOIN refresh_tokens t ON t.session_id = s.id WHERE t.token_hash = $1`,
        [createHash('sha256').update(first.refreshToken).digest('hex')],
      );
      expect(session.revoked_reason).toBe('refresh token reused');
    });

    it('stores refresh tokens only as hashes', async () => {
      const { email } = await coordinator();
      const { refreshToken } = (await signIn(email, PASSWORD).expect(200)).body;
      const [{ n }] = await gateway.dataSource.query(`SELECT count(*)::int AS n FROM refresh_tokens WHERE token_hash = $1`, [refreshToken]);
      expect(n).toBe(0);
    });

    it('ends the session on sign-out: neither the refresh nor the access token works afterwards', async () => {
      const { email } = await coordinator();
      const tokens = (await signIn(email, PASSWORD).expect(200)).body;
      await http().post('/api/v1/auth/sign-out').send({ refreshToken: tokens.refreshToken }).expect(204);

      await http().post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
      await http().get('/api/v1/auth/me').set('authorization', `Bearer ${tokens.accessToken}`).expect(401);
    });

    it('ends the session on every instance at once, though each remembers open sessions for a few seconds', async () => {
      const { email } = await coordinator();
      const tokens = (await signIn(email, PASSWORD).expect(200)).body;
      const second = await startGateway({ upstreams: stubs.urls, now: gateway.now(), sharedSchema: gateway.schema });
      try {
        const onSecond = () => request(second.app.getHttpServer()).get('/api/v1/auth/me').set('authorization', `Bearer ${tokens.accessToken}`);
        await onSecond().expect(200); // now trusted from memory on the second instance
        await http().post('/api/v1/auth/sign-out').send({ refreshToken: tokens.refreshToken }).expect(204);
        // Well inside the five seconds the second instance would otherwise trust its memory.
        await waitFor(async () => (await onSecond()).status, (status) => status === 401, { timeoutMs: 2_000, intervalMs: 20, what: 'the second instance to refuse' });
      } finally {
        await second.close();
      }
    });

    it('lets an access token expire after fifteen minutes, and the refresh token renew it', async () => {
      const { email } = await coordinator();
      const tokens = (await signIn(email, PASSWORD).expect(200)).body;
      later(15 * MINUTE);
      const expired = await http().get('/api/v1/auth/me').set('authorization', `Bearer ${tokens.accessToken}`).expect(401);
      const renewed = (await http().post('/api/v1/auth/refresh').set('authorization', `Bearer ${tokens.accessToken}`).send({ refreshToken: tokens.refreshToken }).expect(200)).body;
      expect(expired.body.detail).toContain('expired');
      await http().get('/api/v1/auth/me').set('authorization', `Bearer ${renewed.accessToken}`).expect(200);
    });
  });

  describe('partner API keys', () => {
    it('creates a key shown once, stored as SHA-256, scoped to its organisation, and revocable', async () => {
      const organisationId = randomUUID();
      const admin = await adminToken();
      const created = (await http().post('/api/v1/partner-keys').set('authorization', `Bearer ${admin}`).send({ organisationId, name: 'HR system' }).expect(201)).body;
      const listed = (await http().get(`/api/v1/partner-keys?organisationId=${organisationId}`).set('authorization', `Bearer ${admin}`).expect(200)).body;
      const [stored] = await gateway.dataSource.query(`SELECT key_hash FROM api_keys WHERE id = $1`, [created.id]);
      expect(created.key).toMatch(/^cmp_pk_[A-Za-z0-9_-]{43}$/);
      expect(listed).toEqual([expect.objectContaining({ id: created.id, organisationId, prefix: created.key.slice(0, 13) })]);
      expect(JSON.stringify(listed)).not.toContain(created.key);
      expect(stored.key_hash).toBe(createHash('sha256').update(created.key).digest('hex'));

      await http().get(`/api/v1/organisations/${organisationId}/referrals`).set('x-api-key', created.key).expect(200);
      expect(stubs.received.at(-1)?.actor).toBe(`partner:${organisationId}`);
      await http().get(`/api/v1/organisations/${randomUUID()}/referrals`).set('x-api-key', created.key).expect(403);
      await http().get(`/api/v1/organisations/${organisationId}/referrals`).set('authorization', `Bearer ${created.key}`).expect(200);

      await http().post(`/api/v1/partner-keys/${created.id}/revoke`).set('authorization', `Bearer ${admin}`).expect(200);
      const revoked = await http().get(`/api/v1/organisations/${organisationId}/referrals`).set('x-api-key', created.key).expect(401);
      expect(revoked.body.detail).toContain('revoked');
    });
  });

  describe('one-time sign-in links', () => {
    it('emits the link event once, and the link signs in once', async () => {
      const { email, personId } = await mentee();
      const correlationId = `link-${randomUUID()}`;
      await http().post('/api/v1/auth/sign-in-links').set('x-correlation-id', correlationId).send({ email: email.toUpperCase() }).expect(202);

      const [published] = await probe.expectExactly((probed) => probed.event.correlationid === correlationId, 1);
      const data = published.event.data as { personId: string; role: string; link: string; expiresAt: string };
      expect(published.event.type).toBe(SignInLinkRequested.type);
      expect(data).toMatchObject({ personId, role: 'mentee', expiresAt: new Date(gateway.now().getTime() + 15 * MINUTE).toISOString() });
      const token = data.link.replace('https://cmp.test/sign-in/link/', '');
      const [{ n }] = await gateway.dataSource.query(`SELECT count(*)::int AS n FROM sign_in_links WHERE token_hash = $1`, [token]);
      expect(n).toBe(0);

      const tokens = (await http().post('/api/v1/auth/sign-in-links/redeem').send({ token }).expect(200)).body;
      const me = await http().get('/api/v1/auth/me').set('authorization', `Bearer ${tokens.accessToken}`).expect(200);
      expect(me.body).toMatchObject({ role: 'mentee', subjectId: personId });
      await http().post('/api/v1/auth/sign-in-links/redeem').send({ token }).expect(401);
    });

    it('answers an unknown address the same and emits nothing for it', async () => {
      const correlationId = `link-${randomUUID()}`;
      const response = await http().post('/api/v1/auth/sign-in-links').set('x-correlation-id', correlationId).send({ email: `${randomUUID()}@nowhere.test` }).expect(202);
      expect(response.body.status).toContain('if the address belongs');
      expect(await probe.expectExactly((probed) => probed.event.correlationid === correlationId, 0)).toEqual([]);
    });

    it('refuses a link once it has expired', async () => {
      const { email } = await mentee();
      const correlationId = `link-${randomUUID()}`;
      await http().post('/api/v1/auth/sign-in-links').set('x-correlation-id', correlationId).send({ email }).expect(202);
      const [published] = await probe.expectExactly((probed) => probed.event.correlationid === correlationId, 1, 0);
      later(15 * MINUTE);
      const token = (published.event.data as { link: string }).link.split('/').at(-1);
      await http().post('/api/v1/auth/sign-in-links/redeem').send({ token }).expect(401);
    });
  });

  it("deletes an erased person's account when enrolment announces the erasure", async () => {
    const { email, personId } = await mentee(PASSWORD);
    await signIn(email, PASSWORD).expect(200);
    // A mistyped password is counted against the email, which erasure must not leave behind.
    await signIn(email, `${PASSWORD}-typo`).expect(401);
    const failuresOf = async () => (await gateway.dataSource.query(`SELECT count(*)::int AS n FROM sign_in_failures WHERE key = $1`, [failureKeys.account(email)]))[0].n;
    expect(await failuresOf()).toBe(1);
    const producer = createKafka({ brokers: testInfrastructure().kafkaBrokers, sasl: testInfrastructure().kafkaSasl, clientId: 'gateway-test-enrolment' }).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic: PersonErased.topic,
      messages: [
        toKafkaBinaryMessage(
          {
            specversion: '1.0',
            id: randomUUID(),
            source: '/cmp/enrolment',
            type: PersonErased.type,
            time: gateway.now().toISOString(),
            subject: personId,
            datacontenttype: 'application/json',
            correlationid: 'erasure',
            data: { personId, role: 'mentee', erasedAt: gateway.now().toISOString() },
          },
          personId,
        ),
      ],
    });
    await producer.disconnect();
    await waitFor(
      async () => (await gateway.dataSource.query(`SELECT count(*)::int AS n FROM accounts WHERE person_id = $1`, [personId]))[0].n,
      (n) => n === 0,
      { what: 'the account to be deleted' },
    );
    expect(await failuresOf()).toBe(0);
    await signIn(email, PASSWORD).expect(401);
  });
});
