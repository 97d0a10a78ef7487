/**
 * A refusal by the gateway, described as RFC 9457 problem details (the shape the platform's
 * filter looks for), so the domain says how it fails without a web framework.
 */
export class GatewayError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly slug: string,
    private readonly title: string,
    private readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'GatewayError';
  }

  /** A member of the problem's extensions, e.g. `retryAfterSeconds`. */
  extension(name: string): unknown {
    return this.extensions[name];
  }

  toProblem() {
    return { type: `https://cmp.dk/problems/gateway/${this.slug}`, title: this.title, status: this.status, detail: this.message, extensions: this.extensions };
  }
}

export const unauthenticated = (detail = 'sign in first: send a bearer access token or an API key') =>
  new GatewayError(detail, 401, 'unauthenticated', 'Authentication required');

/** One message for every wrong email/password combination, so the answer reveals no accounts. */
export const invalidCredentials = () => new GatewayError('the email or password is wrong', 401, 'invalid-credentials', 'Sign-in failed');

export const invalidToken = (detail: string) => new GatewayError(detail, 401, 'invalid-token', 'The token cannot be used');

export const forbidden = (detail: string) => new GatewayError(detail, 403, 'forbidden', 'Not allowed for this caller');

export const lockedOut = (retryAfterSeconds: number) =>
  new GatewayError(`too many failed sign-ins; try again in ${retryAfterSeconds} s`, 429, 'locked-out', 'Temporarily locked out', { retryAfterSeconds });

export const routeNotFound = (method: string, path: string) => new GatewayError(`no route ${method} ${path}`, 404, 'no-route', 'No such route');

export const methodNotAllowed = (method: string, path: string, allowed: readonly string[]) =>
  new GatewayError(`${path} does not accept ${method}; it accepts ${allowed.join(', ')}`, 405, 'method-not-allowed', 'Method not allowed', { allowed });

export const accountExists = () =>
  new GatewayError('an account with this email exists: sign in instead', 409, 'account-exists', 'An account exists for this email');

export const notFound = (kind: string, id: string) => new GatewayError(`${kind} ${id} does not exist`, 404, 'not-found', 'Not found');

export const upstreamUnavailable = (service: string) =>
  new GatewayError(`the ${service} service did not answer; try again shortly`, 503, 'upstream-unavailable', 'A service is unavailable', { service });
