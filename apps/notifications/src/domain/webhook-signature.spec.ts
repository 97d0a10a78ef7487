import { createHmac } from 'node:crypto';
import { generateWebhookSecret, signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  it('is an HMAC-SHA256 of timestamp and body that a receiver can recompute', () => {
    const secret = generateWebhookSecret();
    const body = '{"id":"1"}';
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signWebhook(secret, 1700000000, body)).toBe(`v1=${expected}`);
    expect(verifyWebhookSignature(secret, 1700000000, body, `v1=${expected}`)).toBe(true);
  });

  it('fails for another timestamp, body or secret', () => {
    const secret = generateWebhookSecret();
    const signature = signWebhook(secret, 1700000000, 'a');
    expect(verifyWebhookSignature(secret, 1700000001, 'a', signature)).toBe(false);
    expect(verifyWebhookSignature(secret, 1700000000, 'b', signature)).toBe(false);
    expect(verifyWebhookSignature(generateWebhookSecret(), 1700000000, 'a', signature)).toBe(false);
  });

  it('generates distinct secrets with 256 bits of randomness', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(secret);
  });
});
