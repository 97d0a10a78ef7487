import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';

const ACTOR_PATTERN = /^(admin|coordinator|mentee|mentor|partner|system):[A-Za-z0-9._:-]{1,100}$/;

/**
 * Who is acting, as the gateway asserts it in `x-actor` (`coordinator:<id>`, `mentee:<id>`…),
 * for the audit trail. Requests without one are recorded as `anonymous`; a malformed one is refused.
 */
export const ActingAs = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers['x-actor'];
  if (header === undefined) return 'anonymous';
  if (!ACTOR_PATTERN.test(header)) throw new BadRequestException('x-actor must look like <role>:<id>, e.g. coordinator:42');
  return header;
});
