import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer secrets the gateway hands out (refresh tokens, sign-in links, API keys): 256 random
 * bits, URL-safe. Only their SHA-256 is stored — the secrets are long and random, so a fast
 * hash is enough and lets a presented secret be found by an index lookup.
 */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
