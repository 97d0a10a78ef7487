import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '@cmp/platform';
import { TimerHandlers } from '../../application/timers/timer-handlers';
import { TypeOrmTimerRepository } from '../repositories/typeorm-timer.repository';
import { OpenTransaction } from '../transactions/open-transaction';

export const TIMER_WORKER_SETTINGS = Symbol('TIMER_WORKER_SETTINGS');

export interface TimerWorkerSettings {
  /** Background poll interval; 0 turns the background poll off (tests call `runDueTimers`). */
  readonly pollIntervalMs: number;
  /** Timers claimed per poll at most, so one poll cannot run forever. */
  readonly batchSize?: number;
}

/** A timer that keeps failing is retried with a growing delay, then parked as `failed`. */
const MAX_ATTEMPTS = 10;
const RETRY_DELAY_MS = 60_000;

/**
 * Fires due timers. Each timer is claimed, handled and marked fired in one transaction with
 * `FOR UPDATE SKIP LOCKED`: two instances never fire the same row, and a crash before the commit
 * leaves it pending for whichever instance polls next.
 */
@Injectable()
export class TimerWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TimerWorker.name);
  private readonly instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private interval: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TypeOrmTimerRepository,
    private readonly handlers: TimerHandlers,
    private readonly openTransaction: OpenTransaction,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TIMER_WORKER_SETTINGS) private readonly settings: TimerWorkerSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.pollIntervalMs <= 0) return;
    this.interval = setInterval(() => {
      this.runDueTimers().catch((error) => this.logger.error(`timer poll failed: ${error instanceof Error ? error.message : String(error)}`));
    }, this.settings.pollIntervalMs);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.interval) clearInterval(this.interval);
    await this.running?.catch(() => undefined);
  }

  /** Fires every timer due by the clock's now; returns how many fired. Concurrent calls share one run. */
  runDueTimers(): Promise<number> {
    if (!this.running) {
      this.running = this.drain().finally(() => (this.running = null));
    }
    return this.running;
  }

  private async drain(): Promise<number> {
    let fired = 0;
    const limit = this.settings.batchSize ?? 500;
    for (let claimed = 0; !this.stopped && claimed < limit; claimed++) {
      const outcome = await this.fireNext();
      if (outcome === 'none') break;
      if (outcome === 'fired') fired++;
    }
    return fired;
  }

  /**
   * Claims, fires and marks one timer in one transaction. The handler runs inside a savepoint (the
   * open transaction's unit of work): if it throws, its writes and events are undone but the row
   * stays locked while the failure is recorded, so no other instance can pick the same row up in
   * between.
   */
  private fireNext(): Promise<'fired' | 'failed' | 'none'> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock();
      const timer = await this.store.claimNextDue(manager, now);
      if (!timer) return 'none';
      try {
        await this.openTransaction.run(manager, (tx) => this.handlers.fire(tx, timer));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const attempts = timer.attempts + 1;
        this.logger.error(`timer ${timer.id} (${timer.kind}) failed, attempt ${attempts}: ${message}`);
        await this.store.recordFailure(manager, timer.id, {
          attempts,
          lastError: message,
          retryAt: attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + RETRY_DELAY_MS * attempts),
        });
        return 'failed';
      }
      await this.store.markFired(manager, timer.id, now, this.instance);
      return 'fired';
    });
  }
}
