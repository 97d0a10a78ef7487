import { SignInFailureKeys } from './sign-in-failure-keys';

const SECRET = 'a-secret-of-this-installation-0123456789';

describe('sign-in failure keys', () => {
  const keys = new SignInFailureKeys(SECRET);

  it('keys an email by a keyed hash that does not contain it', () => {
    const key = keys.account('amira@example.dk');
    expect(key).toMatch(/^account:[0-9a-f]{64}$/);
    expect(key).not.toContain('amira');
    expect(keys.account('amira@example.dk')).toBe(key);
  });

  it('gives another installation, another kind or another value a different key', () => {
    const key = keys.account('amira@example.dk');
    expect(new SignInFailureKeys(`${SECRET}-other`).account('amira@example.dk')).not.toBe(key);
    expect(keys.account('amira2@example.dk')).not.toBe(key);
    expect(keys.ip('amira@example.dk').slice(3)).not.toBe(key.slice(8));
    expect(keys.ip('192.0.2.7')).toMatch(/^ip:[0-9a-f]{64}$/);
  });

  it('refuses a short secret', () => {
    expect(() => new SignInFailureKeys('short')).toThrow(/at least 32/);
  });
});
