import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { HttpRequest, HttpResponse, NextFunction } from '../http/http-message';
import { UNMATCHED_ROUTE, httpRequestDuration } from './http-request-duration.metric';
import { routeTemplateOf } from './route-template';

/**
 * Records every request in the HTTP duration histogram when its response finishes. As a
 * middleware rather than an interceptor it also times requests that never reach a handler
 * (malformed bodies, unknown routes). The route label comes from `RouteTemplateGuard`;
 * without it every request counts as unmatched. Requests the client abandons before the
 * response finishes are not recorded.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware<HttpRequest, HttpResponse> {
  private readonly histogram = httpRequestDuration();

  use(request: HttpRequest, response: HttpResponse, next: NextFunction): void {
    const stopTimer = this.histogram.startTimer();
    response.once('finish', () => {
      stopTimer({
        method: request.method ?? 'UNKNOWN',
        route: routeTemplateOf(request) ?? UNMATCHED_ROUTE,
        status_code: String(response.statusCode),
      });
    });
    next();
  }
}
