import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new subscription secret; shown to the partner once. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`: signing the timestamp with the body lets
 * a receiver refuse an old delivery replayed with its original signature.
 */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}

export function verifyWebhookSignature(secret: string, timestampSeconds: number, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestampSeconds, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
