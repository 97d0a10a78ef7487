import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '@cmp/platform';
import { OpenSessions } from '../application/sessions/open-sessions';

/** How long an instance trusts a session it found open without asking the database again. */
const TRUST_MS = 5_000;
/** Enough for every signed-in user of the programme; beyond it the cache starts over. */
const MAX_ENTRIES = 50_000;
const RECONNECT_MS = 1_000;

/**
 * Whether a session is still open, answered from memory for a few seconds at a time. Checking
 * the database on every request was the gateway's largest cost per proxied call; revocations
 * still end access at once because the `sessions_revoked` trigger notifies every instance,
 * which evicts the session. While the notification channel is down nothing is cached, and a
 * reconnect clears what was cached, so a missed notification cannot keep a session alive.
 */
@Injectable()
export class ListeningOpenSessions extends OpenSessions implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ListeningOpenSessions.name);
  private readonly trusted = new Map<string, { expiresAt: number; checkedUntil: number }>();
  private listener: Client | undefined;
  private listening = false;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    await this.listener?.end().catch(() => undefined);
  }

  async isOpen(sessionId: string): Promise<boolean> {
    const now = this.clock().getTime();
    const known = this.trusted.get(sessionId);
    if (known && known.checkedUntil > Date.now() && known.expiresAt > now) return true;
    const [row]: { expires_at: Date }[] = await this.dataSource.query(`SELECT expires_at FROM sessions WHERE id = $1 AND revoked_at IS NULL AND expires_at > $2`, [
      sessionId,
      new Date(now),
    ]);
    if (!row) {
      this.trusted.delete(sessionId);
      return false;
    }
    if (this.listening) {
      if (this.trusted.size >= MAX_ENTRIES) this.trusted.clear();
      this.trusted.set(sessionId, { expiresAt: new Date(row.expires_at).getTime(), checkedUntil: Date.now() + TRUST_MS });
    }
    return true;
  }

  /** For this instance's own revocations: no need to wait for the notification to come back. */
  forget(sessionId: string): void {
    this.trusted.delete(sessionId);
  }

  private async listen(): Promise<void> {
    const options = this.dataSource.options as { url?: string; schema?: string };
    const channel = `${options.schema ?? 'public'}.sessions_revoked`;
    const client = new Client({ connectionString: options.url, application_name: 'gateway-session-listener' });
    client.on('notification', (message) => {
      if (message.channel === channel && message.payload) this.trusted.delete(message.payload);
    });
    const lost = (error?: Error) => {
      if (this.listener !== client) return;
      this.listening = false;
      this.trusted.clear();
      this.listener = undefined;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`session revocation channel lost${error ? `: ${error.message}` : ''}; caching off until it is back`);
      this.reconnectTimer = setTimeout(() => this.listen().catch(() => undefined), RECONNECT_MS);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN "${channel}"`);
      this.trusted.clear();
      this.listening = true;
    } catch (error) {
      lost(error as Error);
    }
  }
}
