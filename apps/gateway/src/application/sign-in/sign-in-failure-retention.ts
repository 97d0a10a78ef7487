import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { CLOCK, Clock } from '@cmp/platform';
import { SignInFailureEntity } from '../../infrastructure/entities/gateway.entities';
import { GATEWAY_SETTINGS, GatewaySettings } from '../gateway-settings';

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
    private readonly dataSource: DataSource,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    @Inject(CLOCK) private readonly clock: Clock,
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
  async deleteExpired(): Promise<number> {
    const result = await this.dataSource.getRepository(SignInFailureEntity).delete({ expiresAt: LessThanOrEqual(this.clock()) });
    return result.affected ?? 0;
  }
}
