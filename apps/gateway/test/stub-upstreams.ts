import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callerName, isAnonymous } from '@cmp/kernel';
import { HOP_TOKEN_HEADER, HopVerifier } from '@cmp/platform';
import { testHopKeys } from '@cmp/testing';
import { UPSTREAM_SERVICES, UpstreamService } from '../src/domain/route-definition';

export interface RecordedRequest {
  readonly service: UpstreamService;
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** The caller the request's hop token named (`<role>:<id>`); undefined when anonymous. */
  readonly actor: string | undefined;
}

/**
 * One tiny HTTP server per service that records what reaches it and answers 200 with a fresh
 * `id` (the person id, for the enrolling routes). `answer` lets a test choose another reply.
 * Like a real service it checks the hop token (with the test key) and answers 401 without a
 * valid one; such requests are counted in `unsigned`, not recorded.
 */
export class StubUpstreams {
  readonly received: RecordedRequest[] = [];
  answer: (request: RecordedRequest) => { status: number; body: unknown; contentType?: string } = () => ({ status: 200, body: { id: randomUUID() } });
  ready = true;
  unsigned = 0;
  /** What each service answers at `/openapi.json` (404 when absent). */
  readonly documents: Partial<Record<UpstreamService, object>> = {};

  private constructor(
    private readonly servers: Map<UpstreamService, Server>,
    readonly urls: Record<UpstreamService, string>,
  ) {}

  static async start(): Promise<StubUpstreams> {
    const servers = new Map<UpstreamService, Server>();
    const urls = {} as Record<UpstreamService, string>;
    const stubs = new StubUpstreams(servers, urls);
    for (const service of UPSTREAM_SERVICES) {
      const verifier = new HopVerifier(testHopKeys().publicKeys, service);
      const server = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', async () => {
          if (request.url === '/health/ready') {
            response.writeHead(stubs.ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: stubs.ready ? 'ok' : 'error' }));
            return;
          }
          const token = request.headers[HOP_TOKEN_HEADER];
          const caller = typeof token === 'string' ? await verifier.verify(token, { method: request.method ?? '', pathAndQuery: request.url ?? '' }).catch(() => undefined) : undefined;
          if (caller === undefined) {
            stubs.unsigned += 1;
            response.writeHead(401, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ status: 401 }));
            return;
          }
          if (request.url === '/openapi.json') {
            const document = stubs.documents[service];
            response.writeHead(document ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(document ?? {}));
            return;
          }
          const recorded: RecordedRequest = {
            service,
            method: request.method ?? '',
            url: request.url ?? '',
            headers: request.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            actor: isAnonymous(caller) ? undefined : callerName(caller),
          };
          stubs.received.push(recorded);
          const reply = stubs.answer(recorded);
          response.writeHead(reply.status, { 'content-type': reply.contentType ?? 'application/json', server: 'stub', 'set-cookie': 'internal=1' }).end(JSON.stringify(reply.body));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.set(service, server);
      urls[service] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }
    return stubs;
  }

  clear(): void {
    this.received.length = 0;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.servers.values()].map((server) => new Promise((resolve) => server.close(resolve))));
  }
}
