import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Actor, type ActorRole, type Caller, callerName, isAnonymous } from '@cmp/kernel';
import { verifiedCallerOf } from './hop-authentication.middleware';

function callerIn(context: ExecutionContext): Caller {
  const caller = verifiedCallerOf(context.switchToHttp().getRequest<object>());
  // Only the open probes pass the middleware without a caller, and they have no parameters.
  if (caller === undefined) throw new UnauthorizedException('no verified caller');
  return caller;
}

/** The signed-in actor the gateway vouched for; 401 on a request made anonymously (public route). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const caller = callerIn(context);
  if (isAnonymous(caller)) throw new UnauthorizedException('this needs a signed-in caller');
  return caller;
});

/** The actor, or `anonymous` on a public route: for handlers that serve both. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => callerIn(context));

/** `role:id` (or `anonymous`) of the caller, as recorded in audit trails and `createdBy` columns. */
export const CallerName = createParamDecorator((_: unknown, context: ExecutionContext): string => callerName(callerIn(context)));

const ACCESS = 'cmp:access';

/**
 * What a caller of one role may do on a handler, as the gateway's route table says it: `any`
 * caller of the role, or only one whose id is the path parameter (`ownParam('id')`: the person
 * herself, a partner for its own organisation) or the query parameter (`ownQuery`) named.
 */
export type AccessRule = 'any' | { readonly ownParam: string } | { readonly ownQuery: string };
export type AccessRules = Readonly<Partial<Record<ActorRole, AccessRule>>>;

export const ownParam = (param: string): AccessRule => ({ ownParam: param });
export const ownQuery = (query: string): AccessRule => ({ ownQuery: query });
/** Coordinators run the programme; admins may do everything coordinators do. */
export const STAFF: AccessRules = { admin: 'any', coordinator: 'any' };

/**
 * Who may call a handler (or every handler of a controller), mirroring the gateway's route table,
 * so a service re-decides what the gateway decided: a caller of an unlisted role gets 403, an
 * anonymous one 401, a mentee with a valid token for another mentee's path 403.
 */
export const Access = (rules: AccessRules) => SetMetadata(ACCESS, rules);

/** Shorthand for `Access` where every listed role may call (`any`). */
export const Roles = (...roles: ActorRole[]) => Access(Object.fromEntries(roles.map((role) => [role, 'any'])));

const PUBLIC = 'public';

/**
 * A route anyone the gateway signed for may call, anonymous included (applications, survey and
 * calendar-feed links, whose token in the path is the credential; health). Still only with a
 * valid hop token: this lifts the role check, not the signature check.
 */
export const Public = () => SetMetadata(ACCESS, PUBLIC);

type RoutedRequest = { params?: Record<string, string | undefined>; query?: Record<string, unknown> };

/**
 * Installed globally by `configureServiceApp`; enforces `@Access` / `@Roles` before the handler
 * (and its pipes) run. Fails closed: a handler that declares neither, nor `@Public`, answers 403
 * to everyone, so a route added without a rule is never open. Ownership that needs the service's
 * data (a match's pair) stays the handler's to check, behind a rule listing the roles.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const rules = this.reflector.getAllAndOverride<AccessRules | typeof PUBLIC | undefined>(ACCESS, [context.getHandler(), context.getClass()]);
    if (rules === PUBLIC) return true;
    if (rules === undefined) throw new ForbiddenException('this route declares no access rule');
    const caller = callerIn(context);
    if (isAnonymous(caller)) throw new UnauthorizedException('this needs a signed-in caller');
    const rule = rules[caller.role];
    if (rule === undefined) throw new ForbiddenException(`a ${caller.role} may not do this`);
    if (rule === 'any') return true;
    const request = context.switchToHttp().getRequest<RoutedRequest>();
    const owned = 'ownParam' in rule ? request.params?.[rule.ownParam] : request.query?.[rule.ownQuery];
    if (typeof owned !== 'string' || owned.toLowerCase() !== caller.id.toLowerCase()) {
      throw new ForbiddenException(`a ${caller.role} may do this only for ${caller.role === 'partner' ? 'its own organisation' : 'themselves'}`);
    }
    return true;
  }
}
