import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { HttpRequest } from '../http/http-message';
import { recordRouteTemplate } from './route-template';

/**
 * Never blocks anything. As the first global guard it runs for every request that reached a
 * handler, before other guards can reject it, and notes the route template that labels the
 * request in the HTTP duration histogram; so 401s and 403s keep their route.
 */
@Injectable()
export class RouteTemplateGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() === 'http') {
      recordRouteTemplate(context.switchToHttp().getRequest<HttpRequest>());
    }
    return true;
  }
}
