import { type JWK, type JSONWebKeySet } from 'jose';

/**
 * Errors read as the end of a sentence about the variable ("… must be JSON"), for the start-up
 * message. The key formats of the hop: the gateway's private key is one Ed25519 JWK with a `kid`
 * (`GATEWAY_HOP_SIGNING_KEY`); services trust a JWK set of public keys (`CMP_HOP_PUBLIC_KEYS`),
 * the current key and, during a rotation, the next or the previous one.
 */
export function parseHopSigningKey(text: string): JWK & { kid: string; d: string } {
  const jwk = parseJson(text) as JWK;
  if (!isEd25519(jwk) || typeof jwk.d !== 'string' || jwk.d.length === 0) throw new Error('must be an Ed25519 private JWK ({"kty":"OKP","crv":"Ed25519","d":…,"x":…,"kid":…})');
  if (typeof jwk.kid !== 'string' || jwk.kid.length === 0) throw new Error('needs a "kid", so services know which public key checks it');
  return jwk as JWK & { kid: string; d: string };
}

export function parseHopPublicKeys(text: string): JSONWebKeySet {
  const jwks = parseJson(text) as { keys?: unknown };
  if (!Array.isArray(jwks?.keys) || jwks.keys.length === 0) throw new Error('must be a JWK set with at least one key ({"keys":[…]})');
  const kids = new Set<string>();
  for (const key of jwks.keys as JWK[]) {
    if (!isEd25519(key)) throw new Error('must hold only Ed25519 public JWKs ({"kty":"OKP","crv":"Ed25519","x":…,"kid":…})');
    // A public set that carries a private key would hand every service the power to mint.
    if ('d' in key) throw new Error('must not contain a private key ("d"): services verify, only the gateway signs');
    if (typeof key.kid !== 'string' || key.kid.length === 0) throw new Error('needs a "kid" on every key');
    if (kids.has(key.kid)) throw new Error(`names the kid "${key.kid}" twice`);
    kids.add(key.kid);
  }
  return { keys: (jwks.keys as JWK[]).map(({ kty, crv, x, kid }) => ({ kty, crv, x, kid, alg: 'EdDSA', use: 'sig' })) };
}

function isEd25519(key: unknown): key is JWK {
  const jwk = key as JWK | null;
  return typeof jwk === 'object' && jwk !== null && jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && typeof jwk.x === 'string' && jwk.x.length > 0;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('must be JSON');
  }
}
