import { type Actor, isPartnerOf, isSelf, isStaff } from '@cmp/kernel';
import { ForbiddenError } from './notifications-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/*
 * Who is asking comes from the gateway's signed hop token, verified and parsed by the platform
 * with the kernel's one parser (`@CurrentActor()`); this file only decides with the kernel's
 * predicates. The gateway decides access too; this service still checks ownership on every
 * request, so a routing mistake cannot leak one person's inbox to another.
 *
 * `system` is deliberately no one here: it has no inbox and is not staff, so it reads no
 * delivery log (scheduling, unlike this service, lets `system` act as staff).
 */

/** The inbox an actor reads: a person's own, the partner organisation's, or the coordinators' shared one. */
export function inboxOwnerOf(actor: Actor): string {
  switch (actor.role) {
    case 'mentee':
    case 'mentor':
      if (!UUID.test(actor.id)) throw new ForbiddenError('a person is named by a uuid');
      return `person:${actor.id.toLowerCase()}`;
    case 'partner':
      if (!UUID.test(actor.id)) throw new ForbiddenError('an organisation is named by a uuid');
      return `partner:${actor.id.toLowerCase()}`;
    case 'coordinator':
    case 'admin':
      return 'coordinators';
    case 'system':
      throw new ForbiddenError(`${actor.role} has no inbox`);
  }
}

export function requirePerson(actor: Actor, personId: string): void {
  if (!isSelf(actor, personId)) throw new ForbiddenError('only the person may do this');
}

export function requirePartner(actor: Actor, organisationId: string): void {
  if (!isPartnerOf(actor, organisationId) && actor.role !== 'admin') throw new ForbiddenError("only the organisation's own partner users may do this");
}

/** The kernel's `isStaff`: coordinators and admins, never `system`. */
export function requireStaff(actor: Actor): void {
  if (!isStaff(actor)) throw new ForbiddenError('only coordinators and admins see delivery logs');
}
