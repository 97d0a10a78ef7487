import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HOP_TOKEN_HEADER, HopSigner } from '@cmp/platform';

/** An Ed25519 key pair in the hop's formats: the private JWK (gateway) and the public JWK set (services). */
export interface HopKeyPair {
  readonly kid: string;
  /** For `GATEWAY_HOP_SIGNING_KEY`. */
  readonly signingKey: string;
  /** For `CMP_HOP_PUBLIC_KEYS`. */
  readonly publicKeys: string;
}

/** A new key pair, as tools/start.sh makes one for an installation. */
export function generateHopKeyPair(kid = `hop-${randomUUID()}`): HopKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    kid,
    signingKey: JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid }),
    publicKeys: JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid }] }),
  };
}

/** What `hopSigning` needs of a Nest application (its Express instance). */
export interface NestHttpApp {
  getHttpAdapter(): { getInstance(): unknown };
}

let testKeys: HopKeyPair | undefined;

/** The key pair of this test process: in-process services trust it, the helpers below sign with it. */
export function testHopKeys(): HopKeyPair {
  testKeys ??= generateHopKeyPair('test-hop-key');
  return testKeys;
}

/**
 * The header a test names its caller with when it calls a service through `hopSigning`: the
 * same `<role>:<id>` the gateway puts in a hop token, so tests read as before the hop was signed.
 */
export const TEST_ACTOR_HEADER = 'x-actor';

/**
 * Wraps a service's HTTP server for supertest so every request arrives signed as the gateway
 * would sign it: for `audience`, for exactly its method, path and query, as the caller named in
 * `x-actor` (taken off the request), or else `options.as` (default `anonymous`). A test that
 * wants to see an unsigned or badly signed request sends it to the server itself.
 */
export function hopSigning(app: NestHttpApp, audience: string, options: { as?: string } = {}): RequestListener {
  const signing = HopSigner.fromJwk(testHopKeys().signingKey);
  const listener = app.getHttpAdapter().getInstance() as RequestListener;
  return (request: IncomingMessage, response: ServerResponse) => {
    const named = request.headers[TEST_ACTOR_HEADER];
    delete request.headers[TEST_ACTOR_HEADER];
    const caller = typeof named === 'string' ? named : (options.as ?? 'anonymous');
    signing
      .then((hop) => hop.sign({ audience, caller, method: request.method ?? 'GET', pathAndQuery: request.url ?? '/' }))
      .then(
        (token) => {
          request.headers[HOP_TOKEN_HEADER] = token;
          listener(request, response);
        },
        (error: unknown) => {
          response.statusCode = 500;
          response.end(`hopSigning could not sign: ${String(error)}`);
        },
      );
  };
}

/** The hop header for one direct `fetch` to a service, signed with `signingKey` (the test key by default). */
export async function hopHeaders(
  request: { audience: string; caller: string; method: string; pathAndQuery: string },
  signingKey = testHopKeys().signingKey,
): Promise<Record<string, string>> {
  const signer = await HopSigner.fromJwk(signingKey);
  return { [HOP_TOKEN_HEADER]: await signer.sign(request) };
}
