import { BadRequestException, CallHandler, ConflictException, ExecutionContext, Injectable, Logger, NestInterceptor, UnprocessableEntityException } from '@nestjs/common';
import { from, Observable, of, switchMap } from 'rxjs';
import { IdempotentRequests } from '../application/idempotency/idempotent-requests';
import { IDEMPOTENCY_KEY_PATTERN, RecordedResponse, REPLAYED_HEADERS } from '../domain/idempotent-response';
import { actorOf } from '../domain/principal';
import { GatewayRequest } from './gateway-request';

/** The header a replayed answer carries, so a client (or its logs) can tell a replay from a first answer. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

interface CapturableResponse {
  statusCode: number;
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
  getHeader(name: string): unknown;
  write: (...args: unknown[]) => boolean;
  end: (...args: unknown[]) => unknown;
}

/**
 * `Idempotency-Key` on every POST of the public API, the gateway's own and every proxied one
 * (`IdempotentRequests` keeps the record). It runs after the guards, so only an authenticated and
 * authorised request is remembered, under the caller it was authorised as. The answer is taken
 * from the response as it is written, whoever writes it (a controller, the proxy, the problem
 * filter), so a validation problem is replayed like a success.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(private readonly requests: IdempotentRequests) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const response = context.switchToHttp().getResponse<CapturableResponse>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined) return next.handle();
    if (typeof header !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(header)) {
      throw new BadRequestException('Idempotency-Key must be one header of 1 to 200 characters from A-Z a-z 0-9 . _ : - (a UUID is a good choice).');
    }
    const caller = request.principal ? actorOf(request.principal) : 'anonymous';
    const fingerprint = this.requests.fingerprint(request.method, request.originalUrl, request.body);
    return from(this.requests.start(caller, header, fingerprint)).pipe(
      switchMap((start) => {
        switch (start.kind) {
          case 'run':
            this.recordAnswer(response, (answer) => this.requests.finish(caller, header, fingerprint, answer), () => this.requests.release(caller, header, fingerprint));
            return next.handle();
          case 'replay':
            response.status(start.response.status);
            for (const [name, value] of Object.entries(start.response.headers)) response.setHeader(name, value);
            response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
            return of(start.response.body);
          case 'other-request':
            throw new UnprocessableEntityException('This Idempotency-Key was already used with another request (method, path or body); use a new key for a new request.');
          case 'still-running':
            response.setHeader('Retry-After', '1');
            throw new ConflictException('A request with this Idempotency-Key is still being processed; retry shortly to get its answer.');
        }
      }),
    );
  }

  /** Wraps `write`/`end` so the answer is kept as it leaves, and releases the key if none ever does. */
  private recordAnswer(response: CapturableResponse, keep: (answer: RecordedResponse) => Promise<void>, release: () => Promise<void>): void {
    const chunks: Buffer[] = [];
    const collect = (chunk: unknown, encoding: unknown) => {
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    const write = response.write.bind(response);
    const end = response.end.bind(response);
    let recorded = false;
    response.write = (...args: unknown[]) => {
      collect(args[0], args[1]);
      return write(...args);
    };
    response.end = (...args: unknown[]) => {
      if (typeof args[0] !== 'function') collect(args[0], args[1]);
      if (!recorded) {
        recorded = true;
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = response.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        // The answer leaves only once it is kept: a client that retries the moment it hears back
        // must find it kept, not still running.
        void keep({ status: response.statusCode, headers, body: Buffer.concat(chunks).toString('utf8') })
          .catch((error: unknown) => this.logger.error(`could not keep an idempotent answer: ${String(error)}`))
          .finally(() => end(...args));
        return response;
      }
      return end(...args);
    };
    (response as unknown as { once(event: string, listener: () => void): void }).once('close', () => {
      if (!recorded) release().catch((error: unknown) => this.logger.error(`could not release an idempotency key: ${String(error)}`));
    });
  }
}
