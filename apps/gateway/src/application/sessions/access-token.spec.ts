import { createHmac } from 'node:crypto';
import { AccessClaims, readAccessToken, signAccessToken } from './access-token';

const secret = 'a-secret-of-at-least-thirty-two-characters';
const claims: AccessClaims = { sub: 'a-1', role: 'mentee', act: 'p-1', sid: 's-1', iat: 1000, exp: 1900 };

function part(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('access tokens (jsonwebtoken, pinned to HS256)', () => {
  it('reads back what it signed until it expires', () => {
    const token = signAccessToken(claims, secret);
    expect(readAccessToken(token, secret, 1899)).toEqual({ valid: true, claims });
    expect(readAccessToken(token, secret, 1900)).toEqual({ valid: false, reason: 'expired' });
  });

  it('is a standard HS256 JWT that an independent HMAC check confirms', () => {
    const [header, payload, signature] = signAccessToken(claims, secret).split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual(claims);
    expect(signature).toBe(createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url'));
  });

  it('refuses a token signed with another secret or with changed claims', () => {
    const token = signAccessToken(claims, 'another-secret-of-at-least-thirty-two-chars');
    const [header, , signature] = signAccessToken(claims, secret).split('.');
    const promoted = `${header}.${part({ ...claims, role: 'admin' })}.${signature}`;
    expect(readAccessToken(token, secret, 1000)).toEqual({ valid: false, reason: 'bad-signature' });
    expect(readAccessToken(promoted, secret, 1000)).toEqual({ valid: false, reason: 'bad-signature' });
  });

  it('never accepts an unsigned token or another algorithm', () => {
    const unsigned = `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
    const otherAlg = `${part({ alg: 'HS512', typ: 'JWT' })}.${part(claims)}.x`;
    expect(readAccessToken(unsigned, secret, 1000)).toEqual({ valid: false, reason: 'malformed' });
    expect(readAccessToken(otherAlg, secret, 1000)).toEqual({ valid: false, reason: 'malformed' });
    expect(readAccessToken('not a token', secret, 1000)).toEqual({ valid: false, reason: 'malformed' });
  });

  it('refuses a correctly signed token that lacks a claim', () => {
    const { sid: _sid, ...withoutSession } = claims;
    const body = `${signAccessToken(claims, secret).split('.')[0]}.${part(withoutSession)}`;
    const token = `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
    expect(readAccessToken(token, secret, 1000)).toEqual({ valid: false, reason: 'malformed' });
  });
});
