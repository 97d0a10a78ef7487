import { createSecretKey, KeyObject } from 'node:crypto';
import { JsonWebTokenError, sign, TokenExpiredError, verify } from 'jsonwebtoken';

/**
 * The gateway's access tokens: HS256 JSON Web Tokens signed and verified with `jsonwebtoken`,
 * pinned to HS256 on both sides so `alg: none` or an algorithm swap is never accepted. The
 * verifier takes "now" from the caller, so the injectable clock decides expiry.
 */
export interface AccessClaims {
  /** The account id. */
  readonly sub: string;
  readonly role: string;
  /** The id the services know the caller by (`x-actor`). */
  readonly act: string;
  /** The session the token belongs to. */
  readonly sid: string;
  readonly iat: number;
  readonly exp: number;
}

export type TokenReading = { readonly valid: true; readonly claims: AccessClaims } | { readonly valid: false; readonly reason: 'malformed' | 'bad-signature' | 'expired' };

/**
 * Handed a string, jsonwebtoken first tries to parse it as a public key and only then makes a
 * secret key of it, on every call: that failed parse was the gateway's largest CPU cost.
 */
const secretKeys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    secretKeys.set(secret, key);
  }
  return key;
}

export function signAccessToken(claims: AccessClaims, secret: string): string {
  // The claims carry their own iat, taken from the injectable clock, which sign() keeps.
  return sign({ ...claims }, keyOf(secret), { algorithm: 'HS256' });
}

export function readAccessToken(token: string, secret: string, nowSeconds: number): TokenReading {
  let claims: Partial<AccessClaims>;
  try {
    claims = verify(token, keyOf(secret), { algorithms: ['HS256'], clockTimestamp: nowSeconds }) as Partial<AccessClaims>;
  } catch (error) {
    if (error instanceof TokenExpiredError) return { valid: false, reason: 'expired' };
    if (error instanceof JsonWebTokenError && error.message === 'invalid signature') return { valid: false, reason: 'bad-signature' };
    return { valid: false, reason: 'malformed' };
  }
  const wellFormed =
    typeof claims === 'object' &&
    claims !== null &&
    ['sub', 'role', 'act', 'sid'].every((name) => typeof claims[name as keyof AccessClaims] === 'string') &&
    Number.isInteger(claims.iat) &&
    Number.isInteger(claims.exp);
  if (!wellFormed) return { valid: false, reason: 'malformed' };
  return { valid: true, claims: claims as AccessClaims };
}
