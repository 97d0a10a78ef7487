import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { HEALTH_MODULE_OPTIONS, type HealthModuleOptions } from './health-module.options';
import { ReadinessService } from './readiness.service';

/**
 * `GET /health/live` and `GET /health/ready`. Readiness is exactly the registered checks,
 * so it can be tested without Postgres by registering a check the test controls:
 *
 * ```ts
 * HealthModule.forRoot({ checks: [DatabaseReadinessCheck, KafkaReadinessCheck] })
 * ```
 *
 * See `HealthModuleOptions.checks` for how provider tokens are resolved.
 */
@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions = {}): DynamicModule {
    return {
      module: HealthModule,
      imports: [
        TerminusModule.forRoot({
          errorLogStyle: 'json',
          gracefulShutdownTimeoutMs: options.gracefulShutdownTimeoutMs ?? 0,
        }),
      ],
      controllers: [HealthController],
      providers: [{ provide: HEALTH_MODULE_OPTIONS, useValue: options }, ReadinessService],
    };
  }
}
