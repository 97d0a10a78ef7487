import { SessionParticipant } from '@cmp/contracts';
import { ForbiddenError } from './scheduling-error';

export type ActorRole = 'admin' | 'coordinator' | 'mentee' | 'mentor' | 'partner' | 'system';

/** Who acts, as the gateway asserts it in `x-actor: <role>:<id>`. */
export interface Actor {
  readonly role: ActorRole;
  readonly id: string;
}

export const STAFF_ROLES: readonly ActorRole[] = ['admin', 'coordinator', 'system'];

export function isStaff(actor: Actor): boolean {
  return STAFF_ROLES.includes(actor.role);
}

export function actorName(actor: Actor): string {
  return `${actor.role}:${actor.id}`;
}

/**
 * The gateway checked the token; scheduling re-checks ownership: a mentee or mentor sees and acts
 * on their own mentorship only, staff on all. Returns the actor's part in the pair, or `null` for staff.
 */
export function partOf(actor: Actor, pair: { menteeId: string; mentorId: string }): SessionParticipant | null {
  if (isStaff(actor)) return null;
  if (actor.role === 'mentee' && actor.id === pair.menteeId) return 'mentee';
  if (actor.role === 'mentor' && actor.id === pair.mentorId) return 'mentor';
  throw new ForbiddenError(`${actorName(actor)} is not part of this mentorship`);
}

export function requireStaff(actor: Actor, what: string): void {
  if (!isStaff(actor)) throw new ForbiddenError(`only coordinators can ${what}`);
}

/** A person may manage their own things; staff may manage anyone's. */
export function requireSelfOrStaff(actor: Actor, personId: string): void {
  if (isStaff(actor)) return;
  if ((actor.role === 'mentee' || actor.role === 'mentor') && actor.id === personId) return;
  throw new ForbiddenError(`${actorName(actor)} may not act for person ${personId}`);
}
