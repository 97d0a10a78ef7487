import { createHmac } from 'node:crypto';

/**
 * The keys lock-out counters are stored under. A typed email (and a client address) is personal
 * data that must not outlive an erasure or sit in a table for ever, so the table holds only an
 * HMAC-SHA256 of it under a secret of this installation: the gateway can still find the counter
 * of the address being typed, but a reader of the table (or of a backup) cannot tell whose it
 * is, nor test guesses, without the secret. Changing the secret orphans every counter, which
 * only resets lock-outs (the retention job deletes the orphans).
 */
export class SignInFailureKeys {
  constructor(private readonly secret: string) {
    if (secret.length < 32) throw new Error('the sign-in failure secret must be at least 32 characters');
  }

  /** The key of the counter for an email, as typed after normalisation (trimmed, lower case). */
  account(email: string): string {
    return `account:${this.digest(`account\u0000${email}`)}`;
  }

  ip(address: string): string {
    return `ip:${this.digest(`ip\u0000${address}`)}`;
  }

  private digest(value: string): string {
    return createHmac('sha256', this.secret).update(value, 'utf8').digest('hex');
  }
}
