import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, importJWK } from 'jose';
import { HopSigner } from './hop-signer';
import { HopTokenRejected, HopVerifier } from './hop-verifier';

function keyPair(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signingKey: JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid }),
    publicKey: { ...publicKey.export({ format: 'jwk' }), kid },
  };
}

const current = keyPair('hop-2026-12');
const next = keyPair('hop-2027-01');
const stranger = keyPair('hop-2026-12');
const jwks = (...keys: object[]) => JSON.stringify({ keys });

const REQUEST = { audience: 'enrolment', caller: 'coordinator:42', method: 'POST', pathAndQuery: '/people/3b241101-e2bb-4255-8caf-4136c566a962/erase' };
const RECEIVED = { method: 'POST', pathAndQuery: REQUEST.pathAndQuery };

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HopTokenRejected);
    return (error as Error).message;
  }
  throw new Error('the token was accepted');
}

describe('HopVerifier', () => {
  const verifier = () => new HopVerifier(jwks(current.publicKey), 'enrolment');
  const sign = async (request = REQUEST, signingKey = current.signingKey, now?: () => Date) => (await HopSigner.fromJwk(signingKey, now)).sign(request);

  it('accepts a token the gateway signed for exactly this request and returns its caller', async () => {
    await expect(verifier().verify(await sign(), RECEIVED)).resolves.toEqual({ role: 'coordinator', id: '42' });
  });

  it('reads the anonymous caller of a public route', async () => {
    await expect(verifier().verify(await sign({ ...REQUEST, caller: 'anonymous' }), RECEIVED)).resolves.toBe('anonymous');
  });

  it('refuses a token signed by any other key, even under the trusted kid', async () => {
    expect(await rejection(verifier().verify(await sign(REQUEST, stranger.signingKey), RECEIVED))).toBe('the hop token is not signed by a trusted key');
  });

  it('refuses an expired token, and one issued for longer than a hop needs', async () => {
    const aMinuteAgo = () => new Date(Date.now() - 60_000);
    expect(await rejection(verifier().verify(await sign(REQUEST, current.signingKey, aMinuteAgo), RECEIVED))).toMatch(/expired|claim/);
    const longLived = await (await HopSigner.fromJwk(current.signingKey)).sign(REQUEST, 3600);
    expect(await rejection(verifier().verify(longLived, RECEIVED))).toMatch(/longer than 30 s|claim/);
  });

  it('refuses a token issued in the future', async () => {
    const later = () => new Date(Date.now() + 60_000);
    expect(await rejection(verifier().verify(await sign(REQUEST, current.signingKey, later), RECEIVED))).toMatch(/future|claim/);
  });

  it('refuses a token for another service, method, path or query', async () => {
    const token = await sign();
    expect(await rejection(new HopVerifier(jwks(current.publicKey), 'scheduling').verify(token, RECEIVED))).toBe("the hop token's aud claim is not acceptable");
    expect(await rejection(verifier().verify(await sign(), { ...RECEIVED, method: 'GET' }))).toMatch(/issued for POST, not GET/);
    expect(await rejection(verifier().verify(await sign(), { ...RECEIVED, pathAndQuery: '/people/someone-else/erase' }))).toBe('the hop token was issued for another path');
    expect(await rejection(verifier().verify(await sign(), { ...RECEIVED, pathAndQuery: `${RECEIVED.pathAndQuery}?x=1` }))).toBe('the hop token was issued for another path');
  });

  it('accepts each token once', async () => {
    const token = await sign();
    const once = verifier();
    await once.verify(token, RECEIVED);
    expect(await rejection(once.verify(token, RECEIVED))).toBe('the hop token was already used');
  });

  it('refuses a malformed caller, unsigned tokens and other algorithms', async () => {
    expect(await rejection(verifier().verify(await sign({ ...REQUEST, caller: 'root' }), RECEIVED))).toBe('the hop token names no valid caller');
    const [header, payload] = (await sign()).split('.');
    expect(await rejection(verifier().verify(`${header}.${payload}.`, RECEIVED))).toMatch(/not signed by a trusted key|malformed/);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'hop-2026-12' })).toString('base64url')}.${payload}.`;
    expect(await rejection(verifier().verify(none, RECEIVED))).toMatch(/algorithm|malformed/);
    const hmac = await new SignJWT({ htm: 'POST', htu: REQUEST.pathAndQuery })
      .setProtectedHeader({ alg: 'HS256', kid: 'hop-2026-12' })
      .setIssuer('cmp-gateway')
      .setAudience('enrolment')
      .setSubject('admin:1')
      .setJti('x')
      .setIssuedAt()
      .setExpirationTime('20s')
      .sign(await importJWK({ kty: 'oct', k: Buffer.from(String(current.publicKey.x)).toString('base64url') }, 'HS256'));
    expect(await rejection(verifier().verify(hmac, RECEIVED))).toMatch(/algorithm/);
    expect(await rejection(verifier().verify('garbage', RECEIVED))).toBe('the hop token is malformed');
  });

  it('trusts the old and the new key during a rotation', async () => {
    const rotating = new HopVerifier(jwks(current.publicKey, next.publicKey), 'enrolment');
    await expect(rotating.verify(await sign(REQUEST, current.signingKey), RECEIVED)).resolves.toEqual({ role: 'coordinator', id: '42' });
    await expect(rotating.verify(await sign(REQUEST, next.signingKey), RECEIVED)).resolves.toEqual({ role: 'coordinator', id: '42' });
    const afterRotation = new HopVerifier(jwks(next.publicKey), 'enrolment');
    expect(await rejection(afterRotation.verify(await sign(REQUEST, current.signingKey), RECEIVED))).toBe('the hop token is not signed by a trusted key');
  });

  it('refuses to be configured with a private key, a duplicate kid or anything but Ed25519', () => {
    expect(() => new HopVerifier(current.signingKey, 'enrolment')).toThrow(/JWK set/);
    expect(() => new HopVerifier(jwks(JSON.parse(current.signingKey)), 'enrolment')).toThrow(/private key/);
    expect(() => new HopVerifier(jwks(current.publicKey, stranger.publicKey), 'enrolment')).toThrow(/twice/);
    expect(() => new HopVerifier(jwks({ kty: 'EC', crv: 'P-256', x: 'a', y: 'b', kid: 'ec' }), 'enrolment')).toThrow(/Ed25519/);
    expect(() => new HopVerifier(jwks({ ...current.publicKey, kid: undefined }), 'enrolment')).toThrow(/kid/);
  });
});
