import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { HttpRequest, HttpResponse, NextFunction } from '../http/http-message';
import { correlationContext } from './correlation-context';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER, correlationIdsOf } from './correlation-headers';

/**
 * Adopts `x-correlation-id` and `x-request-id` from the request (or generates them), echoes
 * both on the response and runs the rest of the request inside `correlationContext`.
 * The headers are set before anything else runs, so even a request rejected by the body
 * parser answers with the ids its log lines carry.
 */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware<HttpRequest, HttpResponse> {
  use(request: HttpRequest, response: HttpResponse, next: NextFunction): void {
    const ids = correlationIdsOf(request);
    response.setHeader(CORRELATION_ID_HEADER, ids.correlationId);
    if (ids.requestId) {
      response.setHeader(REQUEST_ID_HEADER, ids.requestId);
    }
    correlationContext.run(ids, () => next());
  }
}
