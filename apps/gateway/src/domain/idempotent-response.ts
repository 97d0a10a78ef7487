import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** What a client may send as `Idempotency-Key`: a UUID or any other short token. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

/** The answer to a POST as it is replayed: status, the headers that describe the body, the body. */
export interface RecordedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Response headers a replay repeats; the rest (dates, rate-limit counters, correlation ids) are the replay's own. */
export const REPLAYED_HEADERS = ['content-type', 'location', 'content-disposition', 'cache-control'] as const;

/**
 * Keeps the answers to idempotent POSTs unreadable at rest. An answer may hold a secret shown once
 * (a partner API key, a referral code, a session's tokens, a calendar-feed URL) or personal data,
 * so it is sealed with AES-256-GCM under a key derived from the gateway's secret *and* the
 * request's fingerprint: reading it back needs both the installation's secret and the exact
 * request (for a sign-in, the password), which only the client that sent it has.
 *
 * The fingerprint itself is an HMAC, not a plain hash, so a request body with little entropy
 * (a password) cannot be guessed from the stored value.
 */
export class IdempotentResponseSeal {
  private readonly fingerprintKey: Buffer;
  private readonly sealingKey: Buffer;

  constructor(secret: string) {
    this.fingerprintKey = derive(secret, 'cmp-gateway idempotency fingerprint');
    this.sealingKey = derive(secret, 'cmp-gateway idempotency sealing');
  }

  /** The request's identity: method, path with query, and its JSON body with keys in a stable order. */
  fingerprint(method: string, pathAndQuery: string, body: unknown): string {
    return createHmac('sha256', this.fingerprintKey).update(`${method}\n${pathAndQuery}\n${canonicalJson(body ?? null)}`).digest('hex');
  }

  seal(fingerprint: string, response: RecordedResponse): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keyFor(fingerprint), iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(response), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
  }

  open(fingerprint: string, sealed: Buffer): RecordedResponse {
    const decipher = createDecipheriv('aes-256-gcm', this.keyFor(fingerprint), sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8')) as RecordedResponse;
  }

  private keyFor(fingerprint: string): Buffer {
    return createHmac('sha256', this.sealingKey).update(fingerprint).digest();
  }
}

function derive(secret: string, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), label, 32));
}

/** JSON with object keys sorted, so `{"a":1,"b":2}` and `{"b":2,"a":1}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
