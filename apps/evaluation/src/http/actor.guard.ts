import { CanActivate, createParamDecorator, ExecutionContext, ForbiddenException, Injectable, SetMetadata, UnauthorizedException, BadRequestException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

const ACTOR_PATTERN = /^(admin|coordinator|mentee|mentor|partner|system):([A-Za-z0-9._:-]{1,100})$/;

export type ActorRole = 'admin' | 'coordinator' | 'mentee' | 'mentor' | 'partner' | 'system';

export interface Actor {
  readonly role: ActorRole;
  readonly id: string;
  /** `role:id`, as recorded on what the actor did. */
  readonly name: string;
}

const ALLOWED_ROLES = 'evaluation:allowed-roles';

/** The roles that may call a handler; the gateway asserts the actor in `x-actor: <role>:<id>`. */
export const AllowedRoles = (...roles: ActorRole[]) => SetMetadata(ALLOWED_ROLES, roles);

type RequestWithActor = { headers: Record<string, string | undefined>; actor?: Actor };

/**
 * Refuses requests whose `x-actor` is missing (401), malformed (400) or of a role the handler does
 * not allow (403). Handlers without `@AllowedRoles` are public (the survey link is its own credential).
 */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<ActorRole[] | undefined>(ALLOWED_ROLES, [context.getHandler(), context.getClass()]);
    if (!roles) return true;
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const header = request.headers['x-actor'];
    if (header === undefined) throw new UnauthorizedException('x-actor is required: the gateway names who acts, e.g. coordinator:42');
    const match = ACTOR_PATTERN.exec(header);
    if (!match) throw new BadRequestException('x-actor must look like <role>:<id>, e.g. coordinator:42');
    const actor: Actor = { role: match[1] as ActorRole, id: match[2], name: header };
    if (!roles.includes(actor.role)) throw new ForbiddenException(`a ${actor.role} may not do this`);
    request.actor = actor;
    return true;
  }
}

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new UnauthorizedException('x-actor is required');
  return actor;
});

/** Partners see only their own organisation; coordinators and admins see any. */
export function assertMayReadOrganisation(actor: Actor, organisationId: string): void {
  if (actor.role === 'partner' && actor.id !== organisationId) throw new ForbiddenException('a partner sees only its own organisation');
}
