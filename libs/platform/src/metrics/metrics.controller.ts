import { Controller, Get, Res } from '@nestjs/common';
import type { HttpResponse } from '../http/http-message';
import { metricsRegistry } from './metrics.registry';
import { Public } from '../hop/caller.decorators';

/** Serves `metricsRegistry` in Prometheus text format for scraping. */
// Any caller with a valid hop token: the figures name no one. (No scraper signs yet, see README.)
@Public()
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
