import { COMPANY_NAME, DEMO_EMPLOYERS } from './demo-catalogue';
import { CohortKey, DEMO_COHORTS, DemoPlan, planDemo, REFERRAL_PLAN, REFERRING_ORGANISATIONS, SPARE_COMPANY_CODES } from './demo-plan';
import { EnrolmentClient, UnexpectedResponseError } from './enrolment-client';
import { HopSigner } from '@cmp/platform';

/**
 * `node -r @swc-node/register tools/seed/seed-demo.ts` (SWC_NODE_PROJECT=tsconfig.json): loads a
 * demo — three organisations, two open cohorts, 60 mentees and 45 mentors — into a running
 * enrolment service through its HTTP API only (ENROLMENT_URL, default http://127.0.0.1:3001), so
 * every rule and event the service has applies to the demo too.
 *
 * Runs once: when the demo company is already registered it says so and stops. The limit: a run
 * that fails half-way leaves that company behind, so the next run also stops; erase the local
 * database's enrolment data and run again.
 */

interface Organisation {
  readonly id: string;
  readonly name: string;
}

interface Cohort {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly capacity: number;
}

interface Referral {
  readonly id: string;
  readonly code: string;
  readonly cohortId: string | null;
  readonly status: string;
  readonly expiresAt: string;
}

interface Mentee {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly cohortId: string;
}

interface Mentor {
  readonly employerOrganisationId: string;
  readonly status: string;
}

interface PlacementQuota {
  readonly cohortId: string;
  readonly reserved: number;
  readonly used: number;
}

const REFERRAL_VALID_DAYS = 30;

async function main(): Promise<void> {
  const baseUrl = process.env.ENROLMENT_URL ?? 'http://127.0.0.1:3001';
  const plan = planDemo();
  const signingKey = process.env.GATEWAY_HOP_SIGNING_KEY;
  if (!signingKey) throw new Error('GATEWAY_HOP_SIGNING_KEY is required: enrolment answers only requests signed with the gateway key (tools/start.sh passes it)');
  const client = new EnrolmentClient(baseUrl, await HopSigner.fromJwk(signingKey));

  const organisations = await client.all<Organisation>('/organisations');
  if (organisations.some((organisation) => organisation.name.toLowerCase() === COMPANY_NAME.toLowerCase())) {
    console.log(`demo data already loaded (${COMPANY_NAME} is registered)`);
    return;
  }

  const organisationIds = new Map<string, string>();
  for (const employer of DEMO_EMPLOYERS) {
    const organisation = await client.post<Organisation>('/organisations', { name: employer.name, kind: employer.kind }, [201]);
    organisationIds.set(employer.name, organisation.id);
  }
  const organisationId = (name: string) => organisationIds.get(name) as string;

  const cohortIds = {} as Record<CohortKey, string>;
  for (const cohort of DEMO_COHORTS) {
    const { key, ...body } = cohort;
    const scheduled = await client.post<Cohort>('/cohorts', body, [201]);
    await client.post(`/cohorts/${scheduled.id}/open`, {}, [200]);
    cohortIds[key] = scheduled.id;
  }

  for (const { referrer, cohort, placements } of REFERRAL_PLAN) {
    await client.post(`/organisations/${organisationId(REFERRING_ORGANISATIONS[referrer])}/placements`, { cohortId: cohortIds[cohort], count: placements }, [201]);
  }

  for (const mentor of plan.mentors) {
    const body = { ...mentor.registration, employerOrganisationId: organisationId(mentor.employer), cohortIds: mentor.cohorts.map((key) => cohortIds[key]) };
    await client.post('/mentors', body, [201]);
  }

  await loadMentees(client, plan, organisationId, cohortIds);

  const spareCodes: Referral[] = [];
  for (let i = 0; i < SPARE_COMPANY_CODES; i++) {
    spareCodes.push(
      await client.post<Referral>(`/organisations/${organisationId(COMPANY_NAME)}/referrals`, { cohortId: cohortIds.spring, validForDays: REFERRAL_VALID_DAYS }, [201]),
    );
  }

  await printSummary(client, spareCodes);
}

/**
 * Referred spouses apply with a code their partner's employer has just issued, and are accepted
 * and placed at once. Direct applications all come in first; then the seed, as coordinator,
 * accepts most, rejects two and leaves a few waiting for review.
 */
async function loadMentees(client: EnrolmentClient, plan: DemoPlan, organisationId: (name: string) => string, cohortIds: Record<CohortKey, string>): Promise<void> {
  const reviews: Array<{ mentee: Mentee; decision: 'accept' | 'reject'; reason?: string }> = [];
  for (const { route, application } of plan.mentees) {
    if (route.kind === 'referral') {
      const referrer = organisationId(REFERRING_ORGANISATIONS[route.referrer]);
      const referral = await client.post<Referral>(
        `/organisations/${referrer}/referrals`,
        { ...(route.boundToCohort ? { cohortId: cohortIds[route.cohort] } : {}), validForDays: REFERRAL_VALID_DAYS },
        [201],
      );
      const body = { referralCode: referral.code, ...(route.boundToCohort ? {} : { cohortId: cohortIds[route.cohort] }), ...application };
      await client.post<Mentee>('/applications', body, [201]);
      continue;
    }
    const mentee = await client.post<Mentee>('/applications', { cohortId: cohortIds[route.cohort], ...application }, [201]);
    if (route.decision === 'accept') reviews.push({ mentee, decision: 'accept' });
    if (route.decision === 'reject') reviews.push({ mentee, decision: 'reject', reason: route.reason });
  }
  for (const { mentee, decision, reason } of reviews) {
    await client.post(`/mentees/${mentee.id}/${decision}`, decision === 'reject' ? { reason } : {}, [200]);
  }
}

async function printSummary(client: EnrolmentClient, spareCodes: Referral[]): Promise<void> {
  const [organisations, cohorts, mentees, mentors] = await Promise.all([
    client.all<Organisation>('/organisations'),
    client.all<Cohort>('/cohorts'),
    client.all<Mentee>('/mentees'),
    client.all<Mentor>('/mentors'),
  ]);
  const cohortName = new Map(cohorts.map((cohort) => [cohort.id, cohort.name]));
  const lines = ['Demo data loaded (users reach it through the gateway, below)', `  organisations: ${organisations.map((organisation) => organisation.name).join(', ')}`];

  for (const cohort of cohorts) {
    const inCohort = mentees.filter((mentee) => mentee.cohortId === cohort.id);
    lines.push(`  ${cohort.name} (${cohort.status}, capacity ${cohort.capacity}): ${countBy(inCohort, (mentee) => mentee.status)}`);
  }
  lines.push(`  mentees: ${mentees.length} — ${countBy(mentees, (mentee) => mentee.status)}`);
  const employerName = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
  lines.push(`  mentors: ${mentors.length} — ${countBy(mentors, (mentor) => mentor.status)}; ${countBy(mentors, (mentor) => employerName.get(mentor.employerOrganisationId) ?? '?')}`);

  for (const organisation of organisations.filter((candidate) => Object.values(REFERRING_ORGANISATIONS).includes(candidate.name))) {
    const [quotas, referrals] = await Promise.all([
      client.get<PlacementQuota[]>(`/organisations/${organisation.id}/placements`),
      client.all<Referral>(`/organisations/${organisation.id}/referrals`),
    ]);
    const placements = cohorts
      .flatMap((cohort) => quotas.filter((quota) => quota.cohortId === cohort.id))
      .map((quota) => `${cohortName.get(quota.cohortId)} ${quota.used}/${quota.reserved} used`)
      .join(', ');
    lines.push(`  ${organisation.name}: placements ${placements}; referral codes ${countBy(referrals, (referral) => referral.status)}`);
  }

  lines.push(`  unused referral codes (${COMPANY_NAME}, ${DEMO_COHORTS[0].name}, valid until ${spareCodes[0]?.expiresAt.slice(0, 10)}):`);
  for (const referral of spareCodes) lines.push(`    ${referral.code}`);
  // Enrolment answers only requests the gateway signed, so people apply through the gateway.
  const gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
  lines.push(`  apply with one: POST ${gatewayUrl}/api/v1/applications with {"referralCode": "<code>", …} (see ${gatewayUrl}/docs)`);
  console.log(lines.join('\n'));
}

function countBy<T>(items: readonly T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.entries()].map(([name, count]) => `${name} ${count}`).join(', ') || 'none';
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof UnexpectedResponseError ? `seed-demo: ${error.message}` : `seed-demo: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
