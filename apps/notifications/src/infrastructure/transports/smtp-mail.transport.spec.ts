import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SmtpMailTransport } from './smtp-mail.transport';

/** A real SMTP server on loopback: offers STARTTLS (smtp-server's self-signed certificate) or not. */
async function relay(offersStartTls: boolean): Promise<{ port: number; received: string[]; encrypted: boolean[]; close: () => Promise<void> }> {
  const received: string[] = [];
  const encrypted: boolean[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: offersStartTls ? ['AUTH'] : ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      encrypted.push(session.secure);
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received.push(session.envelope.rcptTo.map((rcpt) => rcpt.address).join(','));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, encrypted, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const mail = { to: 'mentee@example.org', subject: 'Your sign-in link', text: 'https://cmp.example/sign-in#secret', html: '<p>link</p>', messageId: '<m1@cmp>' };

describe('SmtpMailTransport', () => {
  it('refuses to send a mail in clear text when TLS is required and the relay offers no STARTTLS', async () => {
    const server = await relay(false);
    const transport = new SmtpMailTransport({ host: '127.0.0.1', port: server.port, secure: false, requireTls: true, from: { name: 'CMP', email: 'no-reply@cmp.test' } });
    try {
      await expect(transport.send(mail)).rejects.toThrow(/STARTTLS/);
      expect(server.received).toEqual([]);
    } finally {
      transport.close();
      await server.close();
    }
  });

  it('sends over STARTTLS when TLS is required and the relay offers it', async () => {
    const server = await relay(true);
    const transport = new SmtpMailTransport({
      host: '127.0.0.1',
      port: server.port,
      secure: false,
      requireTls: true,
      rejectUnauthorized: false,
      from: { name: 'CMP', email: 'no-reply@cmp.test' },
    });
    try {
      await transport.send(mail);
      expect(server.received).toEqual(['mentee@example.org']);
      expect(server.encrypted).toEqual([true]);
    } finally {
      transport.close();
      await server.close();
    }
  });

  it('still sends to a relay without STARTTLS when TLS is not required (local capture server)', async () => {
    const server = await relay(false);
    const transport = new SmtpMailTransport({ host: '127.0.0.1', port: server.port, secure: false, from: { name: 'CMP', email: 'no-reply@cmp.test' } });
    try {
      await transport.send(mail);
      expect(server.received).toEqual(['mentee@example.org']);
      expect(server.encrypted).toEqual([false]);
    } finally {
      transport.close();
      await server.close();
    }
  });
});
