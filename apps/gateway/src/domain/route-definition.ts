import type { Role } from './principal';

export const UPSTREAM_SERVICES = ['enrolment', 'matching', 'scheduling', 'notifications', 'evaluation'] as const;
export type UpstreamService = (typeof UPSTREAM_SERVICES)[number];

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Where an ownership rule reads the id it checks: a path parameter or a query parameter. */
export type ValueSource = { readonly param: string } | { readonly query: string };

/**
 * What a caller of one role may do on a route:
 * - `any`: every caller of the role;
 * - `self`: only when the id at `from` is the caller's own (person, organisation or account);
 * - `self-or-mentee`: a mentor's own id or the id of a mentee in one of their confirmed matches;
 * - `own-match`: the id at `from` is a match id, of a match the caller is the mentee or mentor in
 *   (as learnt from matching's events; an ended match still counts: its plan and sessions stay
 *   the pair's own history, and the service decides what may still change on it).
 */
export type AccessRule =
  | { readonly kind: 'any' }
  | { readonly kind: 'self'; readonly from: ValueSource }
  | { readonly kind: 'self-or-mentee'; readonly from: ValueSource }
  | { readonly kind: 'own-match'; readonly from: ValueSource };

/** `public` routes need no credential; otherwise only the listed roles pass, each under its rule. */
export type RouteAccess = 'public' | Readonly<Partial<Record<Role, AccessRule>>>;

/**
 * The stricter rate-limit class of a route: `sign-in` for credential checks, `public-link` for
 * links that work without an account (survey links), which are guessable only by brute force,
 * `sign-up` for the public enrolling routes (applications, mentor registrations): each class has
 * its own limit, and each route its own count, so applying never uses up a sign-in.
 */
export type RateLimitClass = 'sign-in' | 'public-link' | 'sign-up';

/** What the gateway does after a proxied call succeeds. */
export type AccountCreation = 'mentee' | 'mentor';

export interface RouteDefinition {
  readonly method: HttpMethod;
  /** The public path below `/api/v1`, with `:name` parameters, e.g. `/mentees/:id`. */
  readonly path: string;
  /** `gateway` for the gateway's own endpoints (accounts, sign-in, keys). */
  readonly service: UpstreamService | 'gateway';
  /** The service's internal path; defaults to `path`. */
  readonly upstreamPath?: string;
  readonly summary: string;
  readonly access: RouteAccess;
  readonly rateLimit?: RateLimitClass;
  /**
   * The service answers with a `path` of its own (a calendar feed's `/feeds/<token>.ics`): the
   * gateway turns it into the public path and adds `url`, the absolute address to subscribe to.
   */
  readonly answerNamesServicePath?: true;
  /** Enrolling routes: on success the gateway keeps an account for the person created. */
  readonly createsAccount?: AccountCreation;
}

export const anyone: AccessRule = { kind: 'any' };
export const ownParam = (param: string): AccessRule => ({ kind: 'self', from: { param } });
export const ownQuery = (query: string): AccessRule => ({ kind: 'self', from: { query } });
export const ownOrMenteeParam = (param: string): AccessRule => ({ kind: 'self-or-mentee', from: { param } });
export const ownMatchParam = (param: string): AccessRule => ({ kind: 'own-match', from: { param } });

/** Coordinators run the programme and admins may do everything coordinators do. */
export const STAFF = { admin: anyone, coordinator: anyone } as const;
