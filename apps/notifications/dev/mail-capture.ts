/**
 * A small SMTP server that captures every mail instead of delivering it, for local runs and
 * tests. Each message is written as `<dir>/<id>.eml` and listed in `<dir>/index.json`; a tiny
 * HTTP API lists and shows them:
 *
 *   GET    /messages            the index (newest last), optionally ?to=<address>
 *   GET    /messages/:id        one message parsed: headers, text, html, attachments (metadata)
 *   GET    /messages/:id/raw    the .eml as received
 *   DELETE /messages            forget everything
 *
 * Start: node -r @swc-node/register apps/notifications/dev/mail-capture.ts
 * Env: MAIL_CAPTURE_SMTP_PORT (1025), MAIL_CAPTURE_HTTP_PORT (1080), MAIL_CAPTURE_HOST
 * (127.0.0.1), MAIL_CAPTURE_DIR (tmp/mail), MAIL_CAPTURE_STARTTLS (false): true offers STARTTLS
 * with smtp-server's own self-signed certificate, for a sender that requires TLS (notifications
 * with NODE_ENV=production, as in docker-compose's `dev` profile) and does not verify it
 * (SMTP_TLS_VERIFY=false). Off by default: a sender that verifies certificates would fail on it.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

interface IndexEntry {
  id: string;
  file: string;
  receivedAt: string;
  envelopeFrom: string | null;
  envelopeTo: string[];
  subject: string | null;
  messageId: string | null;
  size: number;
}

const host = process.env.MAIL_CAPTURE_HOST ?? '127.0.0.1';
const smtpPort = Number(process.env.MAIL_CAPTURE_SMTP_PORT ?? 1025);
const httpPort = Number(process.env.MAIL_CAPTURE_HTTP_PORT ?? 1080);
const dir = resolve(process.env.MAIL_CAPTURE_DIR ?? 'tmp/mail');
const indexFile = join(dir, 'index.json');
const startTls = process.env.MAIL_CAPTURE_STARTTLS === 'true';

mkdirSync(dir, { recursive: true });
// A restart keeps what was captured before, so a test can stop the server and find old mail.
const index: IndexEntry[] = existsSync(indexFile) ? JSON.parse(readFileSync(indexFile, 'utf8')) : [];
const saveIndex = () => writeFileSync(indexFile, JSON.stringify(index, null, 2));

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: startTls ? ['AUTH'] : ['STARTTLS', 'AUTH'],
  banner: 'CMP mail capture',
  size: 10 * 1024 * 1024,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', callback);
    stream.on('end', () => {
      const raw = Buffer.concat(chunks);
      const id = `${String(index.length + 1).padStart(5, '0')}-${randomUUID().slice(0, 8)}`;
      const file = `${id}.eml`;
      writeFileSync(join(dir, file), raw);
      simpleParser(raw)
        .then((parsed) => {
          index.push({
            id,
            file,
            receivedAt: new Date().toISOString(),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: parsed.subject ?? null,
            messageId: parsed.messageId ?? null,
            size: raw.length,
          });
          saveIndex();
          callback();
        })
        .catch((error: Error) => callback(error));
    });
  },
});

function send(response: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  response.writeHead(status, { 'content-type': type });
  response.end(type === 'application/json' ? JSON.stringify(body) : (body as Buffer));
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', `http://${host}`);
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'messages') return send(response, 404, { error: 'try GET /messages' });
  if (request.method === 'DELETE' && parts.length === 1) {
    for (const file of readdirSync(dir)) rmSync(join(dir, file));
    index.length = 0;
    saveIndex();
    return send(response, 204, {});
  }
  if (request.method !== 'GET') return send(response, 405, { error: 'method not allowed' });
  if (parts.length === 1) {
    const to = url.searchParams.get('to')?.toLowerCase();
    return send(response, 200, to ? index.filter((entry) => entry.envelopeTo.some((address) => address.toLowerCase() === to)) : index);
  }
  const entry = index.find((candidate) => candidate.id === parts[1]);
  if (!entry) return send(response, 404, { error: `no message ${parts[1]}` });
  const raw = readFileSync(join(dir, entry.file));
  if (parts[2] === 'raw') return send(response, 200, raw, 'message/rfc822');
  const parsed = await simpleParser(raw);
  return send(response, 200, {
    ...entry,
    from: parsed.from?.text ?? null,
    to: Array.isArray(parsed.to) ? parsed.to.map((address) => address.text) : (parsed.to?.text ?? null),
    text: parsed.text ?? null,
    html: parsed.html || null,
    attachments: parsed.attachments.map((attachment) => ({ filename: attachment.filename ?? null, contentType: attachment.contentType, size: attachment.size })),
  });
}

const web = createServer((request, response) => {
  handle(request, response).catch((error: Error) => send(response, 500, { error: error.message }));
});

smtp.on('error', (error) => process.stderr.write(`mail-capture smtp error: ${error.message}\n`));
smtp.listen(smtpPort, host, () => {
  web.listen(httpPort, host, () => {
    process.stdout.write(`mail-capture: listening smtp://${host}:${smtpPort}, mail at http://${host}:${httpPort}/messages, files in ${dir}\n`);
  });
});

const stop = () => {
  web.close();
  smtp.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
