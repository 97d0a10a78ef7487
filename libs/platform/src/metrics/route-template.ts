import type { HttpRequest } from '../http/http-message';

// Express leaves on `req.route` the last route the request passed through, and Nest mounts
// middleware as catch-all routes: a request no handler matched still carries one. So the
// template is noted when a handler is reached, and a request without a note is unmatched.
const templates = new WeakMap<HttpRequest, string>();

/** Notes the template (`/items/:id`) of the route whose handler is about to serve `request`. */
export function recordRouteTemplate(request: HttpRequest): void {
  const path = request.route?.path;
  if (typeof path === 'string') {
    templates.set(request, `${request.baseUrl ?? ''}${path}`);
  }
}

/** The template noted for `request`, if a handler was reached. */
export function routeTemplateOf(request: HttpRequest): string | undefined {
  return templates.get(request);
}
