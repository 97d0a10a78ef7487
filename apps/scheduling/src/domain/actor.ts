import { SessionParticipant } from '@cmp/contracts';
import { type Actor, callerName, isStaff as isProgrammeStaff, isSystem } from '@cmp/kernel';
import { ForbiddenError } from './scheduling-error';

export type { Actor, ActorRole } from '@cmp/kernel';

/** Scheduling lets the system's own processes (seeding, repairs) act as staff on any plan. */
export function isStaff(actor: Actor): boolean {
  return isProgrammeStaff(actor) || isSystem(actor);
}

export const actorName = (actor: Actor): string => callerName(actor);

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
