import { COMPANY_NAME } from './demo-catalogue';
import { DEMO_COHORTS, planDemo } from './demo-plan';

/**
 * `node -r @swc-node/register tools/seed/seed-sign-ins.ts`: after the demo data, makes one
 * sign-in per role through the gateway (GATEWAY_URL, default http://127.0.0.1:3000) exactly as
 * users would — a coordinator account, a partner API key for the demo company, a mentor who
 * registers and a referred spouse who applies, each with a password — and prints them.
 * Idempotent: what exists already is left as it is (an API key is shown only when it is made).
 */
const gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const admin = { email: process.env.GATEWAY_BOOTSTRAP_ADMIN_EMAIL ?? '', password: process.env.GATEWAY_BOOTSTRAP_ADMIN_PASSWORD ?? '' };
const DEMO_PASSWORD = 'demo-password-2026';
const COORDINATOR = 'coordinator@cmp.localhost';
const MENTOR = 'mentor@cmp.localhost';
const MENTEE = 'mentee@cmp.localhost';
const KEY_NAME = 'demo key';

async function call<T>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${gatewayUrl}/api/v1${path}`, {
    method,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function expectStatus<T>(what: string, result: Promise<{ status: number; body: T }>, accepted: number[]): Promise<{ status: number; body: T }> {
  const answered = await result;
  if (!accepted.includes(answered.status)) throw new Error(`${what}: HTTP ${answered.status} ${JSON.stringify(answered.body)}`);
  return answered;
}

async function main(): Promise<void> {
  if (!admin.email || !admin.password) throw new Error('GATEWAY_BOOTSTRAP_ADMIN_EMAIL and _PASSWORD name the admin to seed with');
  const signIn = await expectStatus('admin sign-in', call<{ accessToken: string }>('POST', '/auth/sign-in', admin), [200]);
  const token = signIn.body.accessToken;

  // 409: made by an earlier run.
  await expectStatus('coordinator account', call('POST', '/accounts', { email: COORDINATOR, password: DEMO_PASSWORD, role: 'coordinator' }, token), [201, 409]);

  const organisations = await expectStatus('organisations', call<{ items: { id: string; name: string }[] }>('GET', '/organisations?limit=200', undefined, token), [200]);
  const company = organisations.body.items.find((organisation) => organisation.name === COMPANY_NAME);
  if (!company) throw new Error(`${COMPANY_NAME} is not registered: run the enrolment seed first`);
  const cohorts = await expectStatus('cohorts', call<{ items: { id: string; name: string }[] }>('GET', '/cohorts?limit=200', undefined, token), [200]);
  const spring = cohorts.body.items.find((cohort) => cohort.name === DEMO_COHORTS[0].name);
  if (!spring) throw new Error(`cohort ${DEMO_COHORTS[0].name} is missing: run the enrolment seed first`);

  const keys = await expectStatus('partner keys', call<{ name: string; revokedAt: string | null }[]>('GET', `/partner-keys?organisationId=${company.id}`, undefined, token), [200]);
  let apiKey = '(made by an earlier run; a key is shown only once)';
  if (!keys.body.some((key) => key.name === KEY_NAME && !key.revokedAt)) {
    const made = await expectStatus('partner key', call<{ key: string }>('POST', '/partner-keys', { organisationId: company.id, name: KEY_NAME }, token), [201]);
    apiKey = made.body.key;
  }

  const plan = planDemo();
  const mentor = plan.mentors[0].registration;
  await expectStatus(
    'demo mentor',
    call('POST', '/mentors', { ...mentor, name: 'Mette Mentor', email: MENTOR, password: DEMO_PASSWORD, employerOrganisationId: company.id, cohortIds: [spring.id] }),
    // The same answer whether or not the address has an account already (an earlier run).
    [202],
  );
  const referred = plan.mentees.find((mentee) => mentee.route.kind === 'referral');
  if (!referred) throw new Error('the demo plan has no referred mentee');
  const existing = await call('POST', '/auth/sign-in', { email: MENTEE, password: DEMO_PASSWORD });
  if (existing.status !== 200) {
    const referral = await expectStatus('referral', call<{ code: string }>('POST', `/organisations/${company.id}/referrals`, { cohortId: spring.id, validForDays: 30 }, token), [201]);
    await expectStatus(
      'demo mentee',
      call('POST', '/applications', { ...referred.application, name: 'Maja Mentee', email: MENTEE, password: DEMO_PASSWORD, referralCode: referral.body.code }),
      [202],
    );
  }

  console.log(
    [
      `CMP is up: ${gatewayUrl}/api/v1 (API docs ${gatewayUrl}/docs, health ${gatewayUrl}/health)`,
      '  demo sign-ins (POST /api/v1/auth/sign-in {"email", "password"}):',
      `    admin        ${admin.email} / ${admin.password}`,
      `    coordinator  ${COORDINATOR} / ${DEMO_PASSWORD}`,
      `    mentor       ${MENTOR} / ${DEMO_PASSWORD}`,
      `    mentee       ${MENTEE} / ${DEMO_PASSWORD}`,
      `    partner      x-api-key: ${apiKey} (${COMPANY_NAME})`,
      '  captured mail: http://127.0.0.1:1080/messages',
    ].join('\n'),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`seed-sign-ins: ${(error as Error).message ?? error}`);
    process.exit(1);
  },
);
