import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { PollingLoop } from '@cmp/messaging';
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
  private readonly loop: PollingLoop<number>;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly failures: SignInFailureRepository,
    @Inject(GATEWAY_SETTINGS) settings: GatewaySettings,
  ) {
    // An interval of 0 or less leaves the loop off, as before: tests sweep by calling deleteExpired.
    this.loop = new PollingLoop({ name: 'gateway-sign-in-failure-retention', intervalMs: settings.signInFailureSweepIntervalMs, drain: () => this.deleteExpired() });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** Deletes every counter whose time is up by the clock's now; returns how many. */
  deleteExpired(): Promise<number> {
    return this.unitOfWork.run('system:gateway', (tx) => this.failures.deleteExpired(tx));
  }
}
