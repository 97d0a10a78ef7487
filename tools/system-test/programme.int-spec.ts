import { programmeFlow } from './programme-flow';

/**
 * THE programme, end to end: every service as its own process on a fresh broker and database,
 * driven only through the gateway's public API (`/api/v1`), as the people in it would — an
 * admin, a coordinator, a partner company with an API key and a webhook, a spouse who applies
 * with the company's referral code, a volunteer mentor. The test reads only what those people
 * would see outside the API (their mail, the partner's webhook endpoint) and, for the erasure
 * check at the end, the database itself. The steps live in `programme-flow.ts`, which the same
 * flow under faults shares.
 */
describe('the programme, end to end through the gateway', () => {
  const flow = programmeFlow();

  beforeAll(() => flow.start(), 240_000);
  afterAll(() => flow.stop());

  for (const { title, run } of flow.steps) it(title, run);
});
