import { forbidden, unauthenticated } from './gateway-error';

/** The roles the public API knows. Mentees and mentors are people; partners are organisations. */
export const ROLES = ['admin', 'coordinator', 'mentor', 'mentee', 'partner'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ['admin', 'coordinator'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export const PERSON_ACCOUNT_ROLES = ['mentee', 'mentor'] as const satisfies readonly Role[];
export type PersonAccountRole = (typeof PERSON_ACCOUNT_ROLES)[number];

/**
 * Who a verified credential speaks for. `subjectId` is the id the services know the caller by:
 * the person id for mentees and mentors, the organisation id for partners and the account id
 * for staff, so ownership rules compare path parameters with it directly.
 */
export interface Principal {
  readonly role: Role;
  readonly subjectId: string;
  /** The gateway account behind a token; partners authenticate with a key instead. */
  readonly accountId?: string;
  /** The sign-in session (refresh-token family) a token belongs to. */
  readonly sessionId?: string;
}

/** The `x-actor` header value the services read (`<role>:<id>`). */
export function actorOf(principal: Principal): string {
  return `${principal.role}:${principal.subjectId}`;
}

/**
 * The caller, when it is one of `roles`; otherwise the refusal (401 without a credential, 403
 * for another role). The gateway's own handlers call it although the access guard has already
 * decided, so a route left out of the table, or a guard skipped by mistake, still opens nothing.
 */
export function requireRole(principal: Principal | undefined, roles: readonly Role[]): Principal {
  if (!principal) throw unauthenticated();
  if (!roles.includes(principal.role)) throw forbidden(`a ${principal.role} may not do this`);
  return principal;
}
