import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { GATEWAY_SETTINGS, GatewaySettings } from '../gateway-settings';
import { SignInFailureRepository } from './sign-in-failure.repository';

/**
 * Deletes lock-out counters that no longer count (`forgetAfter`), so a typed address, even
 * hashed, is kept for the lock-out and not for ever. Every instance sweeps; a delete is
 * idempotent, and a row being counted is locked by that failure, whose new expiry the sweep
 * then sees.
 */
@Injectable()
export class SignInFailureRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SignInFailureRetention.name);
  private interval: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly failures: SignInFailureRepository,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.signInFailureSweepIntervalMs <= 0) return;
    this.interval = setInterval(() => {
      if (this.running) return;
      this.running = this.deleteExpired()
        .catch((error) => this.logger.error(`sign-in failure sweep failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => (this.running = undefined));
    }, this.settings.signInFailureSweepIntervalMs);
    this.interval.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.interval);
    await this.running;
  }

  /** Deletes every counter whose time is up by the clock's now; returns how many. */
  deleteExpired(): Promise<number> {
    return this.uow.run('system:gateway-retention', (tx) => this.failures.deleteExpired(tx));
  }
}
