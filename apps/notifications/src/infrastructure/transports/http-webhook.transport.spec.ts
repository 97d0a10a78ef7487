import { createServer, Server } from 'node:http';
import { STRICT_WEBHOOK_URL_POLICY } from '../../domain/webhook-url-policy';
import { guardedLookup, HttpWebhookTransport } from './http-webhook.transport';

describe('HTTP webhook transport', () => {
  let server: Server;
  let port = 0;
  let reply: (res: import('node:http').ServerResponse) => void = (res) => res.end();
  const bodies: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        bodies.push(body);
        reply(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const open = new HttpWebhookTransport({ allowHttp: true, allowPrivateAddresses: true }, 500);

  it('posts the body and reports the status', async () => {
    reply = (res) => {
      res.writeHead(204);
      res.end();
    };
    const response = await open.post({ url: `http://127.0.0.1:${port}/hook`, headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(response).toMatchObject({ statusCode: 204, error: null, excerpt: null });
    expect(bodies[bodies.length - 1]).toBe('{"a":1}');
  });

  it('keeps no more than a short excerpt of what the partner answers', async () => {
    reply = (res) => {
      res.writeHead(500);
      res.end(`${'<html>'.repeat(2000)}\u0000secret`);
    };
    const response = await open.post({ url: `http://127.0.0.1:${port}/hook`, headers: {}, body: '{}' });
    expect(response.statusCode).toBe(500);
    expect(response.excerpt?.length).toBeLessThanOrEqual(200);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    reply = () => undefined;
    const response = await open.post({ url: `http://127.0.0.1:${port}/hook`, headers: {}, body: '{}' });
    expect(response).toMatchObject({ statusCode: null, error: expect.stringContaining('no answer within 500 ms') });
  });

  it('does not connect to loopback or private addresses under the strict policy', async () => {
    const strict = new HttpWebhookTransport(STRICT_WEBHOOK_URL_POLICY, 500);
    const before = bodies.length;
    expect((await strict.post({ url: `https://127.0.0.1:${port}/hook`, headers: {}, body: '{}' })).error).toContain('refused');
    expect((await strict.post({ url: `https://localhost:${port}/hook`, headers: {}, body: '{}' })).error).toContain('refused');
    expect(bodies.length).toBe(before);
  });

  it('refuses a host name that resolves to a non-public address when connecting', async () => {
    // Names pass the URL check; the guard on the resolved address still stops the connection.
    const lookup = guardedLookup({ allowHttp: true, allowPrivateAddresses: false });
    const error = await new Promise<Error | null>((resolve) => lookup('localhost', {}, (failure) => resolve(failure)));
    expect(error?.message).toMatch(/resolves to the non-public address/);
  });
});
