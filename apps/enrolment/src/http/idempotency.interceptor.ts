import {
  BadRequestException,
  CallHandler,
  ConflictException,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UnauthorizedException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import { catchError, from, Observable, of, switchMap, throwError } from 'rxjs';
import { callerName } from '@cmp/kernel';
import { verifiedCallerOf } from '@cmp/platform';
import { IdempotencyStore } from '../infrastructure/idempotency/idempotency-store';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

interface HttpRequest {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string | undefined>;
}


interface HttpResponse {
  statusCode: number;
  status(code: number): void;
}

const SECRET_FIELDS = Symbol('idempotency-secret-fields');

/**
 * Fields of a response that must never be stored (a referral code is shown once; only its hash
 * is kept). A replay answers without them, with `secretsWithheld` naming what was left out.
 */
export const WithholdOnReplay = (...fields: string[]) => SetMetadata(SECRET_FIELDS, fields);

/**
 * Honours `Idempotency-Key` on every POST: the first request with a key runs and its response is
 * kept for 24 hours; a retry with the same key and body gets that response again without running
 * anything; the same key with another body, or while the first is still running, is refused.
 * Keys are scoped by the acting party (the hop token's verified caller), so nobody can replay someone else's response.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const response = context.switchToHttp().getResponse<HttpResponse>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    if (!KEY_PATTERN.test(key)) throw new BadRequestException('Idempotency-Key must be 1–200 characters of A-Z a-z 0-9 . _ : -');

    const caller = verifiedCallerOf(request);
    if (caller === undefined) throw new UnauthorizedException('no verified caller');
    const route = `${callerName(caller)} ${request.method} ${request.path}`;
    const secretFields = this.reflector.get<string[] | undefined>(SECRET_FIELDS, context.getHandler()) ?? [];
    const requestHash = createHash('sha256').update(JSON.stringify(request.body ?? null)).digest('hex');
    return from(this.store.claim(key, route, requestHash)).pipe(
      switchMap((existing) => {
        if (!existing) return this.runAndStore(next, key, route, response, secretFields);
        if (existing.requestHash !== requestHash) {
          throw new UnprocessableEntityException('this Idempotency-Key was used with a different request');
        }
        if (existing.statusCode === null) throw new ConflictException('a request with this Idempotency-Key is still being processed');
        response.status(existing.statusCode);
        return of(existing.responseBody);
      }),
    );
  }

  private runAndStore(next: CallHandler, key: string, route: string, response: HttpResponse, secretFields: string[]): Observable<unknown> {
    return next.handle().pipe(
      switchMap((body) => {
        const personIds = [...new Set([...route.matchAll(UUID), ...JSON.stringify(body ?? null).matchAll(UUID)].map((match) => match[0]))];
        const stored = withheld(body, secretFields);
        return from(this.store.complete(key, route, { statusCode: response.statusCode, body: stored, personIds })).pipe(switchMap(() => of(body)));
      }),
      // A failed request is not remembered: the client may correct it and retry with the same key.
      catchError((error) => from(this.store.release(key, route)).pipe(switchMap(() => throwError(() => error)))),
    );
  }
}

function withheld(body: unknown, fields: string[]): unknown {
  if (fields.length === 0 || typeof body !== 'object' || body === null) return body;
  const kept = Object.fromEntries(Object.entries(body).filter(([field]) => !fields.includes(field)));
  return { ...kept, secretsWithheld: fields };
}
