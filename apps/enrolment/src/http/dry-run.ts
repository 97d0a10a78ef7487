import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/**
 * `x-enrolment-dry-run: true` asks an enrolling route (apply, register a mentor) to check the
 * request exactly as it would create it, and keep nothing. The gateway asks this when the email
 * already has an account: it must answer such a request just as it answers a new address,
 * validation errors included, without creating anything for an address that is not the caller's.
 */
export const DRY_RUN_HEADER = 'x-enrolment-dry-run';

export const DryRun = createParamDecorator((_: unknown, context: ExecutionContext): boolean => {
  return context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers[DRY_RUN_HEADER] === 'true';
});

/** What a dry run answers when the request would succeed: no id, since nothing was made. */
export const WOULD_SUCCEED = { dryRun: true, valid: true } as const;
