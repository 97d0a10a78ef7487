import { Inject, Injectable } from '@nestjs/common';
import { IdempotentResponseSeal, RecordedResponse } from '../../domain/idempotent-response';
import { GATEWAY_SETTINGS, GatewaySettings } from '../gateway-settings';
import { IdempotentRequestRepository } from './idempotent-request.repository';

/** How long an answer is kept for replay. */
const KEEP_FOR_MS = 24 * 60 * 60 * 1000;
/** How long a claimed request may run before another attempt with its key may take it over (a crashed gateway). */
const LEASE_MS = 60_000;
/** How long a duplicate waits for the first attempt to finish before it is told to retry. */
const DUPLICATE_WAIT_MS = 5_000;
const DUPLICATE_POLL_MS = 100;
const SWEEP_INTERVAL_MS = 60_000;

/** What a POST with an `Idempotency-Key` is to do. */
export type IdempotentStart =
  | { readonly kind: 'run' }
  | { readonly kind: 'replay'; readonly response: RecordedResponse }
  | { readonly kind: 'other-request' }
  | { readonly kind: 'still-running' };

/**
 * The gateway's record of POSTs sent with an `Idempotency-Key`, kept per caller (`<role>:<id>`, or
 * `anonymous` on a public route) and key. Every public POST passes the gateway, so this one place
 * makes every POST of every service idempotent, whatever the service does itself:
 *
 * - the first request with a key claims it with a row whose `status` is null (in flight) under a
 *   lease, in one `INSERT … ON CONFLICT` so that two concurrent requests cannot both claim it;
 * - its answer (any status below 500) is sealed and kept for 24 hours; a 5xx or a request that
 *   never answered releases the key, since nothing may have happened and the client should retry;
 * - a later request with the key and the same fingerprint gets the kept answer, without running;
 *   one with another fingerprint is refused; one that arrives while the first still runs waits a
 *   little for its answer, then is told to retry.
 */
@Injectable()
export class IdempotentRequests {
  private readonly seal: IdempotentResponseSeal;
  private lastSweep = 0;

  constructor(
    private readonly requests: IdempotentRequestRepository,
    @Inject(GATEWAY_SETTINGS) settings: GatewaySettings,
  ) {
    this.seal = new IdempotentResponseSeal(settings.jwtSecret);
  }

  fingerprint(method: string, pathAndQuery: string, body: unknown): string {
    return this.seal.fingerprint(method, pathAndQuery, body);
  }

  async start(caller: string, key: string, fingerprint: string): Promise<IdempotentStart> {
    await this.sweepNowAndThen();
    const deadline = Date.now() + DUPLICATE_WAIT_MS;
    for (;;) {
      if (await this.requests.claim(caller, key, fingerprint, LEASE_MS, KEEP_FOR_MS)) return { kind: 'run' };
      const existing = await this.requests.find(caller, key);
      // Released between our insert and our read: claim it again.
      if (existing === undefined) continue;
      if (existing.fingerprint !== fingerprint) return { kind: 'other-request' };
      if (existing.status !== null && existing.sealedResponse !== null) return { kind: 'replay', response: this.seal.open(fingerprint, existing.sealedResponse) };
      if (Date.now() >= deadline) return { kind: 'still-running' };
      await new Promise((resolve) => setTimeout(resolve, DUPLICATE_POLL_MS));
    }
  }

  async finish(caller: string, key: string, fingerprint: string, response: RecordedResponse): Promise<void> {
    if (response.status >= 500) {
      await this.release(caller, key, fingerprint);
      return;
    }
    await this.requests.complete(caller, key, fingerprint, response.status, this.seal.seal(fingerprint, response));
  }

  async release(caller: string, key: string, fingerprint: string): Promise<void> {
    await this.requests.release(caller, key, fingerprint);
  }

  private async sweepNowAndThen(): Promise<void> {
    if (Date.now() - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = Date.now();
    await this.requests.deleteExpired();
  }
}
