import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { LookupFunction } from 'node:net';
import { WebhookRequest, WebhookResponse, WebhookTransport } from '../../application/webhooks/webhook-transport';
import { isAllowedAddress, refusalOfWebhookUrl, WebhookUrlPolicy } from '../../domain/webhook-url-policy';

const EXCERPT_BYTES = 512;
const EXCERPT_CHARS = 200;

/**
 * POSTs a webhook over HTTP(S). The URL is checked again before each attempt, and the address a
 * host name resolves to is checked as the socket connects, so a name that later points at a
 * private address (DNS rebinding) is refused too. Redirects are not followed. Only the first
 * bytes of the response are read, and only a short printable excerpt is kept.
 */
export class HttpWebhookTransport implements WebhookTransport {
  constructor(
    private readonly policy: WebhookUrlPolicy,
    private readonly timeoutMs = 10_000,
  ) {}

  post(request: WebhookRequest): Promise<WebhookResponse> {
    const started = Date.now();
    const done = (statusCode: number | null, excerpt: string | null, error: string | null): WebhookResponse => ({
      statusCode,
      excerpt,
      error,
      durationMs: Date.now() - started,
    });
    const refusal = refusalOfWebhookUrl(request.url, this.policy);
    if (refusal) return Promise.resolve(done(null, null, `refused: ${refusal}`));
    const url = new URL(request.url);
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (response: WebhookResponse) => {
        if (settled) return;
        settled = true;
        resolve(response);
      };
      const outgoing = client.request(
        url,
        {
          method: 'POST',
          headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
          timeout: this.timeoutMs,
          lookup: guardedLookup(this.policy),
          agent: false,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          let size = 0;
          incoming.on('data', (chunk: Buffer) => {
            if (size < EXCERPT_BYTES) chunks.push(chunk);
            size += chunk.length;
            if (size >= EXCERPT_BYTES) incoming.destroy();
          });
          const complete = () => finish(done(incoming.statusCode ?? null, excerptOf(Buffer.concat(chunks)), null));
          incoming.on('end', complete);
          incoming.on('close', complete);
          incoming.on('error', complete);
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      // The socket timeout above is per silence; an endpoint trickling a byte now and then never
      // trips it, so the attempt as a whole has the same deadline.
      const deadline = setTimeout(() => {
        finish(done(null, null, `no answer within ${this.timeoutMs} ms`));
        outgoing.destroy();
      }, this.timeoutMs);
      deadline.unref();
      outgoing.on('close', () => clearTimeout(deadline));
      outgoing.on('error', (error) => finish(done(null, null, error.message.slice(0, 500))));
      outgoing.end(request.body);
    });
  }

}

/** A DNS lookup that fails when a name resolves to an address the policy does not allow. */
export function guardedLookup(policy: WebhookUrlPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as unknown as LookupAddress[];
      const refused = list.find((entry) => !isAllowedAddress(entry.address, policy));
      if (refused) return callback(new Error(`refused: ${hostname} resolves to the non-public address ${refused.address}`), '', 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  };
}

function excerptOf(body: Buffer): string | null {
  if (body.length === 0) return null;
  const text = body.toString('utf8').replace(/[^\x20-\x7E\u00A0-\uFFFF]+/g, ' ').trim();
  return text.slice(0, EXCERPT_CHARS) || null;
}
