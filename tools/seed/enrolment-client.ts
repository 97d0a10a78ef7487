import { randomUUID } from 'node:crypto';
import { HOP_TOKEN_HEADER, type HopSigner } from '@cmp/platform';

/** An HTTP answer the seed did not expect; `body` is the service's problem details (RFC 9457). */
export class UnexpectedResponseError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} answered ${status}:\n${typeof body === 'string' ? body : JSON.stringify(body, null, 2)}`);
  }
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
}

const ACTOR = 'system:seed';
const NETWORK_ATTEMPTS = 3;

/**
 * The enrolment service's HTTP API as the seed uses it, called directly as the gateway would:
 * every request carries a hop token signed with the gateway's key for `system:seed` (a fresh one
 * per attempt, as each names one request and is accepted once), and every POST carries an `Idempotency-Key`, so a POST that is retried
 * after a dropped connection runs once. Keys are unique to this run: they protect retries, not
 * reruns (a rerun against an emptied database must not be answered from a stale record).
 */
export class EnrolmentClient {
  private readonly run = randomUUID();
  private sequence = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly signer: HopSigner,
  ) {}

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path, undefined, [200]);
  }

  post<T>(path: string, body: unknown = {}, expected: readonly number[] = [200, 201]): Promise<T> {
    return this.send<T>('POST', path, body, expected);
  }

  /** Every page of a list endpoint, 200 at a time. */
  async all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    const separator = path.includes('?') ? '&' : '?';
    for (;;) {
      const page = await this.get<Page<T>>(`${path}${separator}limit=200&offset=${items.length}`);
      items.push(...page.items);
      if (page.items.length === 0 || items.length >= page.total) return items;
    }
  }

  /** How many items a list endpoint holds, without fetching them. */
  async count(path: string): Promise<number> {
    const separator = path.includes('?') ? '&' : '?';
    return (await this.get<Page<unknown>>(`${path}${separator}limit=1`)).total;
  }

  private async send<T>(method: 'GET' | 'POST', path: string, body: unknown, expected: readonly number[]): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method === 'POST') {
      headers['content-type'] = 'application/json';
      headers['idempotency-key'] = `seed-demo:${this.run}:${++this.sequence}`;
    }
    const response = await this.fetchWithRetry(method, path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const parsed = parseJson(text);
    if (!expected.includes(response.status)) throw new UnexpectedResponseError(method, path, response.status, parsed);
    return parsed as T;
  }

  /** Retries only when no answer arrived at all; the idempotency key makes that safe for POSTs. */
  private async fetchWithRetry(method: string, path: string, init: RequestInit & { headers: Record<string, string> }): Promise<Response> {
    const url = new URL(path, this.baseUrl);
    for (let attempt = 1; ; attempt++) {
      try {
        const token = await this.signer.sign({ audience: 'enrolment', caller: ACTOR, method, pathAndQuery: `${url.pathname}${url.search}` });
        return await fetch(url, { ...init, headers: { ...init.headers, [HOP_TOKEN_HEADER]: token } });
      } catch (error) {
        if (attempt >= NETWORK_ATTEMPTS) throw new Error(`${method} ${path}: no answer from ${this.baseUrl} (${(error as Error).cause ?? error})`);
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
