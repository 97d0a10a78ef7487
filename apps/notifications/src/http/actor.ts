import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { forbidden, NotificationsError, unauthenticated } from '../application/notifications-errors';

const ACTOR_PATTERN = /^(admin|coordinator|mentee|mentor|partner|system):([A-Za-z0-9._:-]{1,100})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Actor {
  readonly role: 'admin' | 'coordinator' | 'mentee' | 'mentor' | 'partner' | 'system';
  readonly id: string;
}

/**
 * Who is asking, as the gateway asserts it in `x-actor: <role>:<id>`. The gateway authenticates;
 * this service still checks ownership on every request, so a routing mistake cannot leak one
 * person's inbox to another.
 */
export const ActingAs = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers['x-actor'];
  if (header === undefined || header === '') throw unauthenticated();
  const match = ACTOR_PATTERN.exec(header);
  if (!match) throw new NotificationsError('x-actor must look like <role>:<id>, e.g. mentee:<uuid>', 400, 'bad-actor', 'Malformed actor');
  return { role: match[1] as Actor['role'], id: match[2] };
});

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
  const isSelf = (actor.role === 'mentee' || actor.role === 'mentor') && actor.id.toLowerCase() === personId.toLowerCase();
  if (!isSelf) throw forbidden('only the person may do this');
}

export function requirePartner(actor: Actor, organisationId: string): void {
  const own = actor.role === 'partner' && actor.id.toLowerCase() === organisationId.toLowerCase();
  if (!own && actor.role !== 'admin') throw forbidden("only the organisation's own partner users may do this");
}

export function requireStaff(actor: Actor): void {
  if (actor.role !== 'coordinator' && actor.role !== 'admin') throw forbidden('only coordinators and admins see delivery logs');
}
