import { randomUUID } from 'node:crypto';
import { importJWK, type KeyLike, SignJWT } from 'jose';
import { parseHopSigningKey } from './hop-keys';
import { HOP_TOKEN_ALGORITHM, HOP_TOKEN_ISSUER, HOP_TOKEN_TTL_SECONDS, type HopRequest } from './hop-token';

/**
 * Mints hop tokens: the gateway for every request it forwards (and its own calls), and tools
 * and tests that call a service directly with the test key. One token per request: it names
 * the request's method and exact path, so it is worthless for any other.
 */
export class HopSigner {
  private constructor(
    private readonly key: KeyLike | Uint8Array,
    readonly keyId: string,
    private readonly now: () => Date,
  ) {}

  /** From an Ed25519 private JWK with a `kid` (see `parseHopSigningKey`). */
  static async fromJwk(text: string, now: () => Date = () => new Date()): Promise<HopSigner> {
    const jwk = parseHopSigningKey(text);
    return new HopSigner(await importJWK(jwk, HOP_TOKEN_ALGORITHM), jwk.kid, now);
  }

  async sign(request: HopRequest, ttlSeconds = HOP_TOKEN_TTL_SECONDS): Promise<string> {
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    return new SignJWT({ htm: request.method.toUpperCase(), htu: request.pathAndQuery })
      .setProtectedHeader({ alg: HOP_TOKEN_ALGORITHM, kid: this.keyId, typ: 'cmp-hop+jwt' })
      .setIssuer(HOP_TOKEN_ISSUER)
      .setAudience(request.audience)
      .setSubject(request.caller)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds)
      .sign(this.key);
  }
}
