import { SessionParticipant } from '@cmp/contracts';
import { type Actor, callerName, isSelf, isStaff, isSystem } from '@cmp/kernel';
import { ForbiddenError } from './scheduling-error';

/**
 * Scheduling lets the system's own processes (seeding, repairs) act as staff on any plan. This
 * is wider than the kernel's `isStaff` (coordinators and admins only) on purpose, and matches the
 * routes' access rules (http/access.ts), which let `system` through as well.
 */
export function actsAsStaff(actor: Actor): boolean {
  return isStaff(actor) || isSystem(actor);
}

/**
 * The gateway checked the token; scheduling re-checks ownership: a mentee or mentor sees and acts
 * on their own mentorship only, staff on all. Returns the actor's part in the pair, or `null` for staff.
 */
export function partOf(actor: Actor, pair: { menteeId: string; mentorId: string }): SessionParticipant | null {
  if (actsAsStaff(actor)) return null;
  if (actor.role === 'mentee' && isSelf(actor, pair.menteeId)) return 'mentee';
  if (actor.role === 'mentor' && isSelf(actor, pair.mentorId)) return 'mentor';
  throw new ForbiddenError(`${callerName(actor)} is not part of this mentorship`);
}

export function requireStaff(actor: Actor, what: string): void {
  if (!actsAsStaff(actor)) throw new ForbiddenError(`only coordinators can ${what}`);
}

/** A person may manage their own things; staff may manage anyone's. */
export function requireSelfOrStaff(actor: Actor, personId: string): void {
  if (actsAsStaff(actor) || isSelf(actor, personId)) return;
  throw new ForbiddenError(`${callerName(actor)} may not act for person ${personId}`);
}
