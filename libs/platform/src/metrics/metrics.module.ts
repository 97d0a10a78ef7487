import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { collectDefaultNodeMetrics, setMetricsServiceLabel } from './metrics.registry';

const METRICS_SERVICE_NAME = Symbol('METRICS_SERVICE_NAME');

/**
 * `GET /metrics` and the process's default Node metrics, every series labelled with the
 * service's name. The HTTP duration histogram is fed by `HttpMetricsMiddleware`, which
 * `configureServiceApp` installs ahead of the body parser so rejected bodies count too.
 */
@Module({})
export class MetricsModule implements OnModuleInit {
  constructor(@Inject(METRICS_SERVICE_NAME) private readonly serviceName: string) {}

  static forRoot(serviceName: string): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [{ provide: METRICS_SERVICE_NAME, useValue: serviceName }],
    };
  }

  onModuleInit(): void {
    setMetricsServiceLabel(this.serviceName);
    collectDefaultNodeMetrics();
  }
}
