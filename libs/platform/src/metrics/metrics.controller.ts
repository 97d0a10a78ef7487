import { Controller, Get, Res } from '@nestjs/common';
import type { HttpResponse } from '../http/http-message';
import { metricsRegistry } from './metrics.registry';

/** Serves `metricsRegistry` in Prometheus text format for scraping. */
@Controller('metrics')
export class MetricsController {
  @Get()
  async scrape(@Res() response: HttpResponse): Promise<void> {
    const body = await metricsRegistry.metrics();
    // Written directly: Express would splice a charset into the middle of the content type.
    response.statusCode = 200;
    response.setHeader('Content-Type', metricsRegistry.contentType);
    response.end(body);
  }
}
