import { type Actor, isPartnerOf, isSelf, isStaff } from '@cmp/kernel';
import { forbidden } from '../application/notifications-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/*
 * Who is asking comes from the gateway's signed hop token, verified by the platform
 * (`@CurrentActor()`). The gateway decides access too; this service still checks ownership on
 * every request, so a routing mistake cannot leak one person's inbox to another.
 */

/** The inbox an actor reads: a person's own, the partner organisation's, or the coordinators' shared one. */
export function inboxOwnerOf(actor: Actor): string {
  switch (actor.role) {
    case 'mentee':
    case 'mentor':
      if (!UUID.test(actor.id)) throw forbidden('a person is named by a uuid');
      return `person:${actor.id.toLowerCase()}`;
    case 'partner':
      if (!UUID.test(actor.id)) throw forbidden('an organisation is named by a uuid');
      return `partner:${actor.id.toLowerCase()}`;
    case 'coordinator':
    case 'admin':
      return 'coordinators';
    default:
      throw forbidden(`${actor.role} has no inbox`);
  }
}

export function requirePerson(actor: Actor, personId: string): void {
  if (!isSelf(actor, personId)) throw forbidden('only the person may do this');
}

export function requirePartner(actor: Actor, organisationId: string): void {
  if (!isPartnerOf(actor, organisationId) && actor.role !== 'admin') throw forbidden("only the organisation's own partner users may do this");
}

export function requireStaff(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden('only coordinators and admins see delivery logs');
}
