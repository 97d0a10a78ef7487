import { Client } from 'pg';
import { createKafka } from '@cmp/messaging';
import { SystemUnderTest } from '@cmp/testing';

/**
 * Lets the fault driver strike between the test client's calls: a SIGKILL or a cut database
 * session in the middle of a request would leave the client not knowing whether its POST was
 * applied, and retrying it would be the client's duplicate, not the system's. What the faults are
 * for is the work that goes on behind the answers (outbox, relay, consumers, timers, mail and
 * webhooks), and that is never held back.
 */
export class CallGate {
  private inFlight = 0;
  private closed: Promise<void> | undefined;
  private readonly idle: (() => void)[] = [];

  readonly around = async <T>(call: () => Promise<T>): Promise<T> => {
    while (this.closed) await this.closed;
    this.inFlight += 1;
    try {
      return await call();
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.idle.splice(0).forEach((resume) => resume());
    }
  };

  /** Runs `work` once no call is in flight, holding new calls back until it is done. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    let open: (() => void) | undefined;
    this.closed = new Promise<void>((resolve) => (open = resolve));
    try {
      if (this.inFlight > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
      return await work();
    } finally {
      this.closed = undefined;
      open?.();
    }
  }
}

export interface OutageProbe {
  readonly what: string;
  readonly status: number | string;
}

/** The faults, each as an operator would see it happen to a running system. */
export class FaultDriver {
  readonly log: string[] = [];

  constructor(
    private readonly system: SystemUnderTest,
    private readonly gate: CallGate,
    private readonly gatewayUrls: readonly string[],
  ) {}

  /** SIGKILL, then the same instance started again (it reports ready before this returns). */
  async crash(service: string, instance: number): Promise<void> {
    await this.gate.exclusive(() => this.system.crash(service, instance));
    this.note(`killed ${service} #${instance}`);
    await this.system.restart(service, instance);
    this.note(`${service} #${instance} ready again`);
  }

  /**
   * Stops the broker for `ms` and meanwhile asks every gateway for its readiness and signs in
   * through it, as a load balancer and a person would; returns every answer.
   */
  async brokerOutage(ms: number, signIn: { email: string; password: string }): Promise<OutageProbe[]> {
    await this.system.stopBroker();
    this.note('broker stopped');
    const probes: OutageProbe[] = [];
    const until = Date.now() + ms;
    while (Date.now() < until) {
      for (const url of this.gatewayUrls) {
        probes.push({ what: `${url}/health/ready`, status: await answer(fetch(`${url}/health/ready`)) });
        const signedIn = fetch(`${url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signIn) });
        probes.push({ what: `${url} sign-in`, status: await answer(signedIn) });
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    await this.system.startBroker();
    this.note('broker started again');
    return probes;
  }

  /** Ends every session the services hold on the database; returns how many there were. */
  async cutDatabaseSessions(): Promise<number> {
    return this.gate.exclusive(async () => {
      const admin = new Client({ connectionString: this.system.adminDatabaseUrl });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ pid: number }>(
          `SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity WHERE datname = current_database() AND usename LIKE 'cmp\\_%' AND pid <> pg_backend_pid()`,
        );
        this.note(`terminated ${rows.length} database sessions`);
        // A pool learns that its idle connections were closed from their sockets; a moment lets
        // it, so that the next call finds a live connection (or opens one).
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        return rows.length;
      } finally {
        await admin.end();
      }
    });
  }

  /** Letters in every dead-letter topic, by topic; empty when nothing was given up on. */
  async deadLetters(): Promise<Record<string, number>> {
    const admin = createKafka({ brokers: this.system.kafkaBrokers, sasl: this.system.kafkaSasl, clientId: 'fault-test' }).admin();
    await admin.connect();
    try {
      const letters: Record<string, number> = {};
      for (const topic of (await admin.listTopics()).filter((name) => name.endsWith('.dlq'))) {
        const count = (await admin.fetchTopicOffsets(topic)).reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
        if (count > 0) letters[topic] = count;
      }
      return letters;
    } finally {
      await admin.disconnect();
    }
  }

  private note(what: string): void {
    this.log.push(`${new Date().toISOString()} ${what}`);
  }
}

async function answer(response: Promise<Response>): Promise<number | string> {
  try {
    const received = await response;
    await received.arrayBuffer();
    return received.status;
  } catch (error) {
    return `no answer: ${(error as Error).message}`;
  }
}
