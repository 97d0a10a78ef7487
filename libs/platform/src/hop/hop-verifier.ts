import { createLocalJWKSet, errors as joseErrors, type JWTPayload, jwtVerify } from 'jose';
import { type Caller, parseCaller } from '@cmp/kernel';
import { parseHopPublicKeys } from './hop-keys';
import { HOP_CLOCK_TOLERANCE_SECONDS, HOP_TOKEN_ALGORITHM, HOP_TOKEN_ISSUER, HOP_TOKEN_TTL_SECONDS } from './hop-token';

/** Why a request's hop token was refused; the reason goes into the 401's detail and the log. */
export class HopTokenRejected extends Error {}

/** The request as the service received it, which the token must name exactly. */
export interface ReceivedRequest {
  readonly method: string;
  /** The request target: path and query exactly as on the request line. */
  readonly pathAndQuery: string;
}

/** How many spent token ids a verifier remembers at most, so a flood cannot exhaust memory. */
const MAX_REMEMBERED_TOKENS = 200_000;

/**
 * Checks hop tokens for one service (the audience): signature by one of the trusted public keys
 * (EdDSA only, never `none` or an HMAC made with a public key), issuer, audience, lifetime,
 * method and exact path and query. Each token is accepted once: its `jti` is remembered until it
 * expires, so a captured token cannot even be replayed on its own request. That memory is per
 * process; across instances the seconds-long expiry and the binding to one request are the limit.
 */
export class HopVerifier {
  private readonly keys: ReturnType<typeof createLocalJWKSet>;
  private readonly spent = new Map<string, number>();

  constructor(
    publicKeys: string,
    private readonly audience: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.keys = createLocalJWKSet(parseHopPublicKeys(publicKeys));
  }

  async verify(token: string, request: ReceivedRequest): Promise<Caller> {
    const payload = await this.checkSignatureAndTime(token);
    if (payload.htm !== request.method.toUpperCase()) throw new HopTokenRejected(`the hop token was issued for ${String(payload.htm)}, not ${request.method}`);
    if (payload.htu !== request.pathAndQuery) throw new HopTokenRejected('the hop token was issued for another path');
    const caller = parseCaller(payload.sub);
    if (caller === undefined) throw new HopTokenRejected('the hop token names no valid caller');
    this.spend(payload.jti as string, payload.exp as number);
    return caller;
  }

  private async checkSignatureAndTime(token: string): Promise<JWTPayload> {
    const currentDate = this.now();
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        algorithms: [HOP_TOKEN_ALGORITHM],
        issuer: HOP_TOKEN_ISSUER,
        audience: this.audience,
        requiredClaims: ['sub', 'jti', 'iat', 'exp', 'htm', 'htu'],
        maxTokenAge: HOP_TOKEN_TTL_SECONDS + HOP_CLOCK_TOLERANCE_SECONDS,
        clockTolerance: HOP_CLOCK_TOLERANCE_SECONDS,
        currentDate,
      });
      const { iat, exp, jti } = payload as { iat: number; exp: number; jti: unknown };
      // The signer is trusted, but a token that lives longer than a hop needs is refused anyway.
      if (exp - iat > HOP_TOKEN_TTL_SECONDS) throw new HopTokenRejected(`the hop token lives longer than ${HOP_TOKEN_TTL_SECONDS} s`);
      if (iat > currentDate.getTime() / 1000 + HOP_CLOCK_TOLERANCE_SECONDS) throw new HopTokenRejected('the hop token was issued in the future');
      if (typeof jti !== 'string' || jti.length === 0 || jti.length > 100) throw new HopTokenRejected('the hop token has no valid jti');
      return payload;
    } catch (error) {
      if (error instanceof HopTokenRejected) throw error;
      throw new HopTokenRejected(describe(error));
    }
  }

  private spend(jti: string, expiresAt: number): void {
    const nowSeconds = this.now().getTime() / 1000;
    const known = this.spent.get(jti);
    if (known !== undefined && known + HOP_CLOCK_TOLERANCE_SECONDS >= nowSeconds) throw new HopTokenRejected('the hop token was already used');
    if (this.spent.size >= MAX_REMEMBERED_TOKENS) this.forgetExpired(nowSeconds);
    // Still full of live tokens: refusing is safer than forgetting one that could be replayed.
    if (this.spent.size >= MAX_REMEMBERED_TOKENS) throw new HopTokenRejected('too many hop tokens in flight');
    this.spent.set(jti, expiresAt);
  }

  private forgetExpired(nowSeconds: number): void {
    for (const [jti, expiresAt] of this.spent) {
      if (expiresAt + HOP_CLOCK_TOLERANCE_SECONDS < nowSeconds) this.spent.delete(jti);
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'the hop token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `the hop token's ${error.claim} claim is not acceptable`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed || error instanceof joseErrors.JWKSNoMatchingKey) return 'the hop token is not signed by a trusted key';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'the hop token uses an algorithm that is not allowed';
  return 'the hop token is malformed';
}
