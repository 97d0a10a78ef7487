import { BadRequestException, createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { Actor, ActorRole } from '../domain/actor';

const ACTOR_PATTERN = /^(admin|coordinator|mentee|mentor|partner|system):([A-Za-z0-9._:-]{1,100})$/;

/**
 * Who is acting, as the gateway asserts it in `x-actor` (`mentee:<personId>`, `coordinator:<id>`…).
 * Scheduling decides what each actor may see, so a request without one is refused (401) and a
 * malformed one is a bad request.
 */
export const ActingAs = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers['x-actor'];
  if (header === undefined) throw new UnauthorizedException('x-actor is required: the gateway names who acts');
  const match = ACTOR_PATTERN.exec(header);
  if (!match) throw new BadRequestException('x-actor must look like <role>:<id>, e.g. mentee:3b241101-e2bb-4255-8caf-4136c566a962');
  return { role: match[1] as ActorRole, id: match[2] };
});
