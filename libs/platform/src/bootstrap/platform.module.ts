import { type DynamicModule, Module } from '@nestjs/common';
import { HealthModule } from '../health/health.module';
import { LoggingModule } from '../logging/logging.module';
import { MetricsModule } from '../metrics/metrics.module';
import { PLATFORM_MODULE_OPTIONS, type PlatformModuleOptions } from './platform-module.options';

/**
 * Everything a service's module tree needs from the platform, imported once by its
 * AppModule: logging, `/health/live`, `/health/ready` and `/metrics`.
 *
 * The split with `createServiceApp`: this module holds what is made of providers and
 * controllers (and so works in `Test.createTestingModule` as well); `configureServiceApp`
 * holds what must be set on the application instance itself (the logger, middleware that
 * runs before the body parser, the global filter and pipe, shutdown hooks).
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggingModule.forRoot(options.serviceName, { level: options.logLevel, destination: options.logDestination }),
        HealthModule.forRoot({
          checks: options.readinessChecks,
          checkTimeoutMs: options.readinessCheckTimeoutMs,
          gracefulShutdownTimeoutMs: options.shutdownDelayMs,
        }),
        MetricsModule.forRoot(options.serviceName),
      ],
      providers: [{ provide: PLATFORM_MODULE_OPTIONS, useValue: options }],
      exports: [LoggingModule, PLATFORM_MODULE_OPTIONS],
    };
  }
}
