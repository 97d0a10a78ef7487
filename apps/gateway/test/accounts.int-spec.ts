import { createHash, randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import request from 'supertest';
import { PersonErased, SignInLinkRequested, toKafkaBinaryMessage } from '@cmp/contracts';
import { createKafka } from '@cmp/messaging';
import { EventProbe, testInfrastructure, waitFor } from '@cmp/testing';
import { BOOTSTRAP_ADMIN, GatewayTestApp, startGateway } from './gateway-test-app';
import { StubUpstreams } from './stub-upstreams';

const MINUTE = 60_000;
const PASSWORD = 'a long enough password';

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
    await http().post('/api/v1/applications').send({ email, ...(password ? { password } : {}), name: 'Amira' }).expect(201);
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

    it('refuses a second account for the same email before asking enrolment, and keeps none when enrolment refuses', async () => {
      const { email } = await mentee(PASSWORD);
      stubs.clear();
      const again = await http().post('/api/v1/applications').send({ email, password: PASSWORD }).expect(409);
      expect(again.body.type).toBe('https://cmp.dk/problems/gateway/account-exists');
      expect(stubs.received).toHaveLength(0);

      const refusedEmail = `${randomUUID()}@people.test`;
      stubs.answer = () => ({ status: 422, contentType: 'application/problem+json', body: { type: 'https://cmp.dk/problems/enrolment/referral-unusable', title: 'x', status: 422, instance: '/applications' } });
      const refused = await http().post('/api/v1/applications').send({ email: refusedEmail, password: PASSWORD }).expect(422);
      const [{ n }] = await gateway.dataSource.query(`SELECT count(*)::int AS n FROM accounts WHERE email = $1`, [refusedEmail]);
      expect(refused.body).toMatchObject({ type: 'https://cmp.dk/problems/enrolment/referral-unusable', instance: '/api/v1/applications' });
      expect(n).toBe(0);
    });
  });

  describe('lock-out', () => {
    it('locks an account after five failures, even against the right password, until the lock runs out', async () => {
      const { email } = await coordinator();
      for (let attempt = 0; attempt < 5; attempt++) await signIn(email, 'wrong password').expect(401);

      const locked = await signIn(email, PASSWORD).expect(429);
      const [row] = await gateway.dataSource.query(`SELECT locked_until, lockouts FROM sign_in_failures WHERE key = $1`, [`account:${email}`]);
      expect(locked.body).toMatchObject({ type: 'https://cmp.dk/problems/gateway/locked-out', retryAfterSeconds: 60 });
      expect(locked.headers['retry-after']).toBe('60');
      expect(row).toMatchObject({ lockouts: 1, locked_until: new Date(gateway.now().getTime() + MINUTE) });

      later(MINUTE + 1000);
      await signIn(email, PASSWORD).expect(200);
      const [{ n }] = await gateway.dataSource.query(`SELECT count(*)::int AS n FROM sign_in_failures WHERE key = $1`, [`account:${email}`]);
      expect(n).toBe(0);
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
    const failuresOf = async () => (await gateway.dataSource.query(`SELECT count(*)::int AS n FROM sign_in_failures WHERE key = $1`, [`account:${email}`]))[0].n;
    expect(await failuresOf()).toBe(1);
    const producer = createKafka({ brokers: testInfrastructure().kafkaBrokers, clientId: 'gateway-test-enrolment' }).producer({ createPartitioner: Partitioners.DefaultPartitioner });
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
