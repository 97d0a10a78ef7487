import { Logger } from '@nestjs/common';
import { getOrCreateCounter, getOrCreateGauge } from '@cmp/platform';
import { type FaultKind, faultKind } from '../faults/fault-kind';

export interface PollingLoopSettings<T> {
  /** Names the loop in logs and in the `worker` label of its metrics: `scheduling-timers`. */
  readonly name: string;
  /**
   * Pause between drains once nothing is left. 0 (or less) turns the background loop off:
   * nothing runs unless `drain()` is called, which is how tests drive a loop after moving the clock.
   */
  readonly intervalMs: number;
  /** Pause before the first drain after `start()`; one interval unless given (a long interval may want an earlier first round). */
  readonly firstDrainAfterMs?: number;
  /** Does all the work that is due; the loop never runs two of these at once. */
  readonly drain: () => Promise<T>;
  /** Whether a drain stopped early with work left (a per-drain cap), so the next one starts at once. */
  readonly backlogged?: (result: T) => boolean;
  /** First pause after a failed drain; doubles with each failure in a row. Defaults to the interval. */
  readonly backoffBaseMs?: number;
  /** The longest pause after failures, however many in a row. */
  readonly maxBackoffMs?: number;
}

const DEFAULT_MAX_BACKOFF_MS = 5 * 60_000;

const failuresCounter = () =>
  getOrCreateCounter({
    name: 'cmp_polling_worker_failures_total',
    help: 'Drains of a polling worker that failed, by worker and fault kind (transient: the database or broker was away)',
    labelNames: ['worker', 'fault'],
  });
const drainsCounter = () =>
  getOrCreateCounter({ name: 'cmp_polling_worker_drains_total', help: 'Drains of a polling worker that completed', labelNames: ['worker'] });
const backoffGauge = () =>
  getOrCreateGauge({
    name: 'cmp_polling_worker_backoff_seconds',
    help: 'Pause a polling worker takes before its next drain because the last ones failed; 0 when healthy',
    labelNames: ['worker'],
  });
const lastSuccessGauge = () =>
  getOrCreateGauge({
    name: 'cmp_polling_worker_last_success_seconds',
    help: 'Unix time of the last drain of a polling worker that completed; alert when it falls behind',
    labelNames: ['worker'],
  });

/**
 * Runs a drain now and then, and never two at once: the engine under `DurablePollingWorker`,
 * and usable alone for a periodic sweep that claims nothing (a retention delete).
 *
 * - A drain that throws is logged and counted by fault kind, and the loop waits
 *   `backoffBase × 2^failures` (capped) before trying again, so a database that is away is not
 *   hammered; the first drain that succeeds resets it.
 * - `wake()` starts the next drain now instead of after the interval (the hook for LISTEN/NOTIFY);
 *   it does not cut a backoff short.
 * - `stop()` lets the drain in flight finish (a worker checks `stopping` between batches) and
 *   resolves when it has; no drain starts after it.
 */
export class PollingLoop<T> {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private started = false;
  private draining = false;
  private wakeRequested = false;
  private stopped = false;
  private consecutiveFailures = 0;

  constructor(private readonly settings: PollingLoopSettings<T>) {
    this.logger = new Logger(`PollingLoop:${settings.name}`);
    backoffGauge().set({ worker: settings.name }, 0);
  }

  /** True once `stop()` was called: a drain in flight ends after its current batch. */
  get stopping(): boolean {
    return this.stopped;
  }

  /** Failed drains since the last one that succeeded. */
  get failuresInARow(): number {
    return this.consecutiveFailures;
  }

  /** The pause before the next drain after `failures` failed drains in a row. */
  backoffMs(failures = this.consecutiveFailures): number {
    if (failures <= 0) return Math.max(this.settings.intervalMs, 0);
    const base = Math.max(this.settings.backoffBaseMs ?? this.settings.intervalMs, 1);
    const cap = this.settings.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
    return Math.min(cap, base * 2 ** Math.min(failures, 30));
  }

  /** Starts the background loop (unless the interval is 0); the first drain comes after `firstDrainAfterMs`, else one interval. */
  start(): void {
    if (this.started || this.stopped || this.settings.intervalMs <= 0) return;
    this.started = true;
    this.schedule(this.settings.firstDrainAfterMs ?? this.settings.intervalMs);
  }

  /** Runs the next drain now rather than at the end of the pause; a no-op while backing off or when not started. */
  wake(): void {
    if (!this.started || this.stopped || this.consecutiveFailures > 0) return;
    if (this.draining) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  /**
   * Does all due work now and resolves with what the drain returned; a failure is thrown to the
   * caller (and also counts towards the backoff). A call made while a drain runs waits for it and
   * then runs its own, so it sees every row that was due when it was called.
   */
  drain(): Promise<T> {
    if (this.stopped) return Promise.reject(new Error(`polling worker ${this.settings.name} is stopped`));
    const run = this.tail.then(() => this.runDrain());
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Stops the loop: the drain in flight finishes its batch, and this resolves once it has. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.tail;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), delayMs);
    // The loop alone must not keep a process alive that is otherwise done.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (this.stopped) return;
    let next: number;
    try {
      const result = await this.drain();
      next = this.wakeRequested || this.settings.backlogged?.(result) ? 0 : this.settings.intervalMs;
    } catch {
      // Already logged and counted by runDrain.
      next = this.backoffMs();
    }
    this.wakeRequested = false;
    if (!this.stopped) this.schedule(next);
  }

  private async runDrain(): Promise<T> {
    this.draining = true;
    const labels = { worker: this.settings.name };
    try {
      const result = await this.settings.drain();
      this.consecutiveFailures = 0;
      drainsCounter().inc(labels);
      lastSuccessGauge().set(labels, Date.now() / 1000);
      backoffGauge().set(labels, 0);
      return result;
    } catch (error) {
      this.consecutiveFailures += 1;
      const fault: FaultKind = faultKind(error);
      failuresCounter().inc({ ...labels, fault });
      backoffGauge().set(labels, this.backoffMs() / 1000);
      const message = error instanceof Error ? error.message : String(error);
      // A transient fault (the database away) is expected to pass; anything else is a bug or bad data.
      const line = `drain failed (${fault}, ${this.consecutiveFailures} in a row; next try in ${this.backoffMs()} ms): ${message}`;
      if (fault === 'transient') this.logger.warn(line);
      else this.logger.error(line);
      throw error;
    } finally {
      this.draining = false;
    }
  }
}
