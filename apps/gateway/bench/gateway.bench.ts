import autocannon from 'autocannon';
import { HOP_TOKEN_HEADER, HopSigner } from '@cmp/platform';
import { SystemUnderTest } from '@cmp/testing';

/**
 * `npm run bench -- gateway [--seconds S] [--rate R] [--connections C]`
 *
 * The cost of the gateway on an authenticated read: the same list of cohorts read through the
 * gateway (token verified, session checked, route authorised, proxied with a hop token) and read
 * directly from enrolment with a hop token signed beforehand (each is good for one request, so a
 * pool of them is signed before each direct run), both as real processes on this machine. Throughput is
 * measured flat out with C connections; latency at a fixed R requests/s through the gateway.
 * Prints `RESULT gateway rps=… direct_rps=… ratio=… p99_ms=…`.
 */
/** More direct requests a second than this machine serves; hop tokens live 30 s, so runs stay under 20 s. */
const DIRECT_TOKENS_PER_SECOND = 8000;

const ADMIN = { email: 'bench-admin@cmp.localhost', password: 'bench-admin-password' };

function option(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
}

export async function run(args: string[]): Promise<void> {
  const seconds = option(args, 'seconds', 10);
  const rate = option(args, 'rate', 500);
  const connections = option(args, 'connections', 10);
  const system = await SystemUnderTest.start({
    services: ['enrolment', 'gateway'],
    serviceEnv: {
      gateway: {
        GATEWAY_JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
        GATEWAY_BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
        GATEWAY_BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
        // Every request comes from this one client; the per-client limit would measure itself.
        GATEWAY_RATE_LIMIT_PER_MINUTE: '100000000',
      },
    },
  });
  try {
    const gateway = system.url('gateway');
    const signIn = await fetch(`${gateway}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const { accessToken, expiresIn } = (await signIn.json()) as { accessToken: string; expiresIn: number };
    if (expiresIn < seconds * 4 + 60) throw new Error(`the access token (${expiresIn} s) would expire during the run`);
    const me = (await (await fetch(`${gateway}/api/v1/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as { role: string; subjectId: string };

    for (let i = 1; i <= 20; i++) {
      const created = await fetch(`${gateway}/api/v1/cohorts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ name: `Bench cohort ${i}`, startsOn: '2027-03-01', applicationDeadline: '2027-02-15', capacity: 20 }),
      });
      if (created.status !== 201) throw new Error(`creating a cohort failed: ${created.status} ${await created.text()}`);
    }

    const throughGateway = { url: `${gateway}/api/v1/cohorts`, headers: { authorization: `Bearer ${accessToken}` } };
    const signer = await HopSigner.fromJwk(system.hopKeys.signingKey);
    const hopToken = () => signer.sign({ audience: 'enrolment', caller: `${me.role}:${me.subjectId}`, method: 'GET', pathAndQuery: '/cohorts' });
    const directUrl = `${system.url('enrolment')}/cohorts`;
    /** A direct run with a fresh token per request; a request past the pool goes unsigned, fails and voids the figures. */
    const direct = async (duration: number): Promise<autocannon.Options> => {
      const pool = await Promise.all(Array.from({ length: duration * DIRECT_TOKENS_PER_SECOND }, hopToken));
      return {
        url: directUrl,
        requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, [HOP_TOKEN_HEADER]: pool.pop() ?? '' } }) }],
      };
    };
    const sameBody = await Promise.all([
      fetch(throughGateway.url, { headers: throughGateway.headers }).then((response) => response.text()),
      hopToken().then((token) => fetch(directUrl, { headers: { [HOP_TOKEN_HEADER]: token } }).then((response) => response.text())),
    ]);
    if (sameBody[0] !== sameBody[1]) throw new Error('the gateway and enrolment answered the read differently');

    // Warm both paths (JIT, connection pools) before measuring.
    await load({ ...throughGateway, connections, duration: 2 });
    await load({ ...(await direct(2)), connections, duration: 2 });
    const gatewayMax = await load({ ...throughGateway, connections, duration: seconds });
    const directMax = await load({ ...(await direct(seconds)), connections, duration: seconds });
    const gatewayAtRate = await load({ ...throughGateway, connections, duration: seconds, overallRate: rate });

    const rps = gatewayMax.requests.average;
    const directRps = directMax.requests.average;
    process.stdout.write(
      [
        `through the gateway, flat out (${connections} connections, ${seconds} s): ${rps.toFixed(0)} req/s, p99 ${gatewayMax.latency.p99} ms, errors ${gatewayMax.errors + gatewayMax.non2xx}`,
        `direct to enrolment, flat out: ${directRps.toFixed(0)} req/s, p99 ${directMax.latency.p99} ms, errors ${directMax.errors + directMax.non2xx}`,
        `through the gateway at ${rate} req/s: ${gatewayAtRate.requests.average.toFixed(0)} req/s, p50 ${gatewayAtRate.latency.p50} ms, p99 ${gatewayAtRate.latency.p99} ms, errors ${gatewayAtRate.errors + gatewayAtRate.non2xx}`,
        `RESULT gateway rps=${rps.toFixed(0)} direct_rps=${directRps.toFixed(0)} ratio=${(rps / directRps).toFixed(2)} p99_ms=${gatewayAtRate.latency.p99}`,
        '',
      ].join('\n'),
    );
    const failed = [gatewayMax, directMax, gatewayAtRate].reduce((sum, result) => sum + result.errors + result.non2xx, 0);
    if (failed > 0) throw new Error(`${failed} requests failed: the figures above are not valid`);
  } finally {
    await system.stop();
  }
}

function load(options: autocannon.Options): Promise<autocannon.Result> {
  return autocannon({ ...options, method: 'GET' });
}
