import { ServiceError } from '@cmp/kernel';

/**
 * A refusal by the gateway. The kernel's base turns it into RFC 9457 problem details under
 * `https://cmp.dk/problems/gateway/<slug>`, so the domain says how it fails without a web framework.
 */
export abstract class GatewayError extends ServiceError {
  protected constructor(slug: string, status: number, title: string, message: string, extensions: Record<string, unknown> = {}) {
    // Extensions are always present (possibly empty), as the gateway's problems always carried them.
    super('gateway', slug, status, title, message, extensions);
  }

  /** A member of the problem's extensions, e.g. `retryAfterSeconds`. */
  extension(name: string): unknown {
    return this.extensions?.[name];
  }
}

export class UnauthenticatedError extends GatewayError {
  constructor(detail: string) {
    super('unauthenticated', 401, 'Authentication required', detail);
  }
}

/** One message for every wrong email/password combination, so the answer reveals no accounts. */
export class InvalidCredentialsError extends GatewayError {
  constructor() {
    super('invalid-credentials', 401, 'Sign-in failed', 'the email or password is wrong');
  }
}

export class InvalidTokenError extends GatewayError {
  constructor(detail: string) {
    super('invalid-token', 401, 'The token cannot be used', detail);
  }
}

export class ForbiddenError extends GatewayError {
  constructor(detail: string) {
    super('forbidden', 403, 'Not allowed for this caller', detail);
  }
}

export class LockedOutError extends GatewayError {
  constructor(readonly retryAfterSeconds: number) {
    super('locked-out', 429, 'Temporarily locked out', `too many failed sign-ins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

export class RouteNotFoundError extends GatewayError {
  constructor(method: string, path: string) {
    super('no-route', 404, 'No such route', `no route ${method} ${path}`);
  }
}

export class MethodNotAllowedError extends GatewayError {
  constructor(method: string, path: string, allowed: readonly string[]) {
    super('method-not-allowed', 405, 'Method not allowed', `${path} does not accept ${method}; it accepts ${allowed.join(', ')}`, { allowed });
  }
}

export class AccountExistsError extends GatewayError {
  constructor() {
    super('account-exists', 409, 'An account exists for this email', 'an account with this email exists: sign in instead');
  }
}

export class NotFoundError extends GatewayError {
  constructor(kind: string, id: string) {
    super('not-found', 404, 'Not found', `${kind} ${id} does not exist`);
  }
}

export class UpstreamUnavailableError extends GatewayError {
  constructor(service: string) {
    super('upstream-unavailable', 503, 'A service is unavailable', `the ${service} service did not answer; try again shortly`, { service });
  }
}

// The factories the gateway's code throws with; each names one concrete error above.
export const unauthenticated = (detail = 'sign in first: send a bearer access token or an API key') => new UnauthenticatedError(detail);
export const invalidCredentials = () => new InvalidCredentialsError();
export const invalidToken = (detail: string) => new InvalidTokenError(detail);
export const forbidden = (detail: string) => new ForbiddenError(detail);
export const lockedOut = (retryAfterSeconds: number) => new LockedOutError(retryAfterSeconds);
export const routeNotFound = (method: string, path: string) => new RouteNotFoundError(method, path);
export const methodNotAllowed = (method: string, path: string, allowed: readonly string[]) => new MethodNotAllowedError(method, path, allowed);
export const accountExists = () => new AccountExistsError();
export const notFound = (kind: string, id: string) => new NotFoundError(kind, id);
export const upstreamUnavailable = (service: string) => new UpstreamUnavailableError(service);
