import type { Principal } from './principal';
import type { AccessRule, RouteDefinition, ValueSource } from './route-definition';

export interface RequestFacts {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
}

/** What the gateway knows about who mentors whom, loaded only when a rule needs it. */
export interface MentorRelations {
  /** The mentees in the mentor's confirmed, not yet ended matches. */
  readonly menteesOfMentor: ReadonlySet<string>;
  /** The matches the caller is the mentee or mentor in, ended ones included; ids in lower case. */
  readonly matchesOfCaller: ReadonlySet<string>;
}

/** The part of the mentorship read model a decision needs: each is one database read. */
export type RelationsNeeded = 'mentees-of-mentor' | 'matches-of-caller';

export const NO_RELATIONS: MentorRelations = { menteesOfMentor: new Set(), matchesOfCaller: new Set() };

export type AccessDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly status: 401 | 403; readonly reason: string };

const ALLOW: AccessDecision = { allowed: true };

/** Which relations deciding on this request needs, if any (only rules that look at matches do). */
export function relationsNeeded(route: RouteDefinition, principal: Principal | undefined): RelationsNeeded | undefined {
  if (!principal || route.access === 'public') return undefined;
  switch (route.access[principal.role]?.kind) {
    case 'self-or-mentee':
      return 'mentees-of-mentor';
    case 'own-match':
      return 'matches-of-caller';
    default:
      return undefined;
  }
}

/**
 * Decides whether a caller may use a route. No credential on a protected route is a 401; a
 * role the route does not list, or an id that is not the caller's own, is a 403. The services
 * check ownership again from `x-actor`: this is the first of two locks, not the only one.
 */
export function decideAccess(
  route: RouteDefinition,
  principal: Principal | undefined,
  facts: RequestFacts,
  relations: MentorRelations = NO_RELATIONS,
): AccessDecision {
  if (route.access === 'public') return ALLOW;
  if (!principal) return { allowed: false, status: 401, reason: 'this route needs a signed-in caller' };
  const rule: AccessRule | undefined = route.access[principal.role];
  if (!rule) return { allowed: false, status: 403, reason: `a ${principal.role} may not ${route.method} ${route.path}` };
  switch (rule.kind) {
    case 'any':
      return ALLOW;
    case 'self': {
      const value = valueAt(rule.from, facts);
      return value === principal.subjectId ? ALLOW : { allowed: false, status: 403, reason: `${describe(rule.from)} must be your own id` };
    }
    case 'self-or-mentee': {
      const value = valueAt(rule.from, facts);
      if (value !== undefined && (value === principal.subjectId || relations.menteesOfMentor.has(value))) return ALLOW;
      return { allowed: false, status: 403, reason: `${describe(rule.from)} must be your own id or one of your mentees` };
    }
    case 'own-match': {
      // Match ids are uuids, which Postgres hands back in lower case whatever case the path used.
      const value = valueAt(rule.from, facts)?.toLowerCase();
      if (value !== undefined && relations.matchesOfCaller.has(value)) return ALLOW;
      return { allowed: false, status: 403, reason: `${describe(rule.from)} must be a match you are the mentee or mentor in` };
    }
  }
}

function valueAt(source: ValueSource, facts: RequestFacts): string | undefined {
  const value = 'param' in source ? facts.params[source.param] : facts.query[source.query];
  // A repeated query parameter (?organisationId=a&organisationId=b) never counts as one's own.
  return typeof value === 'string' ? value : undefined;
}

function describe(source: ValueSource): string {
  return 'param' in source ? `the path's :${source.param}` : `the query's ${source.query}`;
}
