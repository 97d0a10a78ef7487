import { hopHeaders, SystemUnderTest } from '@cmp/testing';

const DAY_MS = 86_400_000;

/**
 * The harness the end-to-end tests stand on: real service processes, each logging in as its own
 * database role, on a fresh broker, sharing one clock that only the test can move.
 */
describe('the system under test', () => {
  let system: SystemUnderTest;

  beforeAll(async () => {
    system = await SystemUnderTest.start({ services: ['enrolment', 'matching'] });
  });
  afterAll(() => system?.stop());

  it('moves every service process to the time the test sets', async () => {
    const post = async (path: string, body: object) => {
      const response = await fetch(`${system.url('enrolment')}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(await hopHeaders({ audience: 'enrolment', caller: 'coordinator:system-test', method: 'POST', pathAndQuery: path }, system.hopKeys.signingKey)),
        },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
      return (await response.json()) as { id: string; expiresAt: string };
    };
    const organisation = await post('/organisations', { name: 'Clockwork A/S', kind: 'company' });
    // A referral expires a number of days after the service's "now".
    const issue = () => post(`/organisations/${organisation.id}/referrals`, { validForDays: 10 });

    const before = await issue();
    expect(Math.abs(Date.parse(before.expiresAt) - (Date.now() + 10 * DAY_MS))).toBeLessThan(60_000);

    system.advanceClock(30 * DAY_MS);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const after = await issue();
    expect(Math.abs(Date.parse(after.expiresAt) - Date.parse(before.expiresAt) - 30 * DAY_MS)).toBeLessThan(60_000);
    expect(Math.abs(Date.parse(after.expiresAt) - (system.now().getTime() + 10 * DAY_MS))).toBeLessThan(60_000);
  });

  it('starts every named service and waits until it reports ready', async () => {
    for (const service of ['enrolment', 'matching']) {
      expect((await fetch(`${system.url(service)}/health/ready`)).status).toBe(200);
    }
  });
});
