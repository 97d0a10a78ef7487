/**
 * Who acts on a service, as the gateway vouches for it in the signed hop token (`sub`):
 * `<role>:<id>` for a signed-in caller, `anonymous` for a public route. Plain TypeScript, so the
 * domain code of every service decides with the same type and predicates.
 */
export const ACTOR_ROLES = ['admin', 'coordinator', 'mentee', 'mentor', 'partner', 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export interface Actor {
  readonly role: ActorRole;
  /** The person id (mentee, mentor), organisation id (partner) or account id (staff). */
  readonly id: string;
}

/** The caller of a public route: the gateway signed the request, but no one signed in. */
export const ANONYMOUS = 'anonymous';
export type Anonymous = typeof ANONYMOUS;

/** Whoever a verified request speaks for. */
export type Caller = Actor | Anonymous;

const ACTOR_PATTERN = /^(admin|coordinator|mentee|mentor|partner|system):([A-Za-z0-9._:-]{1,100})$/;

/**
 * Reads a caller from its wire form; `undefined` for anything else, which callers must treat
 * as unauthenticated (fail closed), never as anonymous.
 */
export function parseCaller(value: unknown): Caller | undefined {
  if (value === ANONYMOUS) return ANONYMOUS;
  if (typeof value !== 'string') return undefined;
  const match = ACTOR_PATTERN.exec(value);
  return match ? { role: match[1] as ActorRole, id: match[2] } : undefined;
}

export function isAnonymous(caller: Caller): caller is Anonymous {
  return caller === ANONYMOUS;
}

/** `role:id`, as recorded on what the actor did (audit trails, `createdBy`); `anonymous` for public routes. */
export function callerName(caller: Caller): string {
  return isAnonymous(caller) ? ANONYMOUS : `${caller.role}:${caller.id}`;
}

/** Coordinators run the programme; admins may do everything coordinators do. */
export function isStaff(caller: Caller): caller is Actor {
  return !isAnonymous(caller) && (caller.role === 'coordinator' || caller.role === 'admin');
}

/** A process of the system itself (seeding, the gateway's own calls), never a person. */
export function isSystem(caller: Caller): caller is Actor {
  return !isAnonymous(caller) && caller.role === 'system';
}

/** Mentees and mentors are people and are named by their person id. */
export function isPerson(caller: Caller): caller is Actor {
  return !isAnonymous(caller) && (caller.role === 'mentee' || caller.role === 'mentor');
}

/** Ids are UUIDs in every service; compared without regard to case, as Postgres does. */
export function isSelf(caller: Caller, personId: string): boolean {
  return isPerson(caller) && caller.id.toLowerCase() === personId.toLowerCase();
}

/** A partner user acting for its own organisation. */
export function isPartnerOf(caller: Caller, organisationId: string): boolean {
  return !isAnonymous(caller) && caller.role === 'partner' && caller.id.toLowerCase() === organisationId.toLowerCase();
}
