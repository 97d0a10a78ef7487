import { STATUS_CODES } from 'node:http';
import {
  type ArgumentsHost,
  BadRequestException,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { isUUID } from 'class-validator';
import { type Observable, throwError } from 'rxjs';
import { correlationContext } from '../correlation/correlation-context';
import { type HttpRequest, maskedRequestPath } from '../http/http-message';
import { type Problem, type ProblemDetails, PROBLEM_CONTENT_TYPE, isProblemSource } from './problem';
import { ProblemTypes, problemTypeForStatus } from './problem-types';
import { RequestValidationException } from './request-validation.exception';

// Members a ProblemSource's extensions may not overwrite: they carry the RFC's meaning.
const RESERVED_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance']);

/**
 * Answers every failed HTTP request with RFC 9457 problem details
 * (`application/problem+json`):
 *
 * - errors implementing `ProblemSource` (domain errors, validation) describe themselves;
 * - Nest `HttpException`s map by status (`404` → `https://cmp.dk/problems/not-found`);
 * - client errors raised by Express middleware (body too large, bad charset) keep their status;
 * - anything else is a 500 `https://cmp.dk/problems/internal` that says nothing about the
 *   cause; the cause and its stack go to the log instead.
 *
 * Outside HTTP (a Kafka handler) it rethrows the exception untouched, so the consumer's
 * retry and dead-letter handling sees the original error rather than an HTTP body.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | undefined {
    if (host.getType() !== 'http') {
      return throwError(() => exception);
    }
    const http = host.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const response = http.getResponse<unknown>();
    const problem = this.problemFor(namingTheParameter(exception, request));
    const adapter = this.adapterHost.httpAdapter;

    if (adapter.isHeadersSent(response)) {
      // A streamed response failed half-way: the status is gone, so only ending it is left.
      adapter.end(response);
      return undefined;
    }
    adapter.status(response, problem.status);
    adapter.setHeader(response, 'Content-Type', PROBLEM_CONTENT_TYPE);
    // Not adapter.reply(): it replaces any non-JSON content type with application/json.
    adapter.end(response, JSON.stringify(this.detailsOf(problem, request)));
    return undefined;
  }

  private problemFor(exception: unknown): Problem {
    if (isProblemSource(exception)) {
      const problem = exception.toProblem();
      if (Number.isInteger(problem.status) && problem.status >= 400 && problem.status <= 599) {
        if (problem.status >= 500) {
          this.logFailure(exception);
        }
        return problem;
      }
      this.logger.error(`toProblem() returned status ${problem.status}, which is not an error status`);
      this.logFailure(exception);
      return internalProblem();
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status >= 500) {
        this.logFailure(exception);
      }
      return {
        type: problemTypeForStatus(status),
        title: STATUS_CODES[status] ?? 'Error',
        status,
        detail: detailOf(exception),
      };
    }
    const clientError = exposedClientError(exception);
    if (clientError) {
      return {
        type: problemTypeForStatus(clientError.status),
        title: STATUS_CODES[clientError.status] ?? 'Error',
        status: clientError.status,
        detail: clientError.message,
      };
    }
    this.logFailure(exception);
    return internalProblem();
  }

  private detailsOf(problem: Problem, request: HttpRequest): ProblemDetails {
    const extensions = Object.fromEntries(
      Object.entries(problem.extensions ?? {}).filter(([name]) => !RESERVED_MEMBERS.has(name)),
    );
    const details: ProblemDetails = {
      type: problem.type,
      title: problem.title,
      status: problem.status,
      ...(problem.detail === undefined ? {} : { detail: problem.detail }),
      instance: maskedRequestPath(request),
      ...extensions,
    };
    const correlationId = correlationContext.current()?.correlationId;
    if (correlationId && !('correlationId' in details)) {
      // Lets a user quote one id that finds every log line of the failed request.
      details['correlationId'] = correlationId;
    }
    return details;
  }

  private logFailure(exception: unknown): void {
    if (exception instanceof Error) {
      this.logger.error(`Request failed: ${exception.name}: ${exception.message}`, exception.stack);
    } else {
      this.logger.error(`Request failed with a thrown non-Error value: ${String(exception)}`);
    }
  }
}

/** Nest's `ParseUUIDPipe` says only "Validation failed (uuid is expected)" (or "uuid v4 …"). */
const PARSE_UUID_FAILURE = /^Validation failed \(uuid( v\d)? is expected\)$/;

/**
 * Nest's `ParseUUIDPipe` does not say which parameter it refused. Every service uses it on path
 * parameters (`@Param('id', ParseUUIDPipe)`) and on some query parameters, so the parameters it
 * could have refused are those whose value is not a UUID: path parameters first, the query only
 * when no path parameter is at fault. The answer is a validation problem naming each of them.
 */
function namingTheParameter(exception: unknown, request: HttpRequest): unknown {
  if (!(exception instanceof BadRequestException) || !PARSE_UUID_FAILURE.test(detailOf(exception))) return exception;
  const { params, query } = request as HttpRequest & { params?: Record<string, unknown>; query?: Record<string, unknown> };
  const notUuids = (values: Record<string, unknown> | undefined) => Object.entries(values ?? {}).filter(([, value]) => typeof value === 'string' && !isUUID(value)).map(([name]) => name);
  const pathParameters = notUuids(params);
  const names = pathParameters.length > 0 ? pathParameters : notUuids(query);
  if (names.length === 0) return exception;
  return new RequestValidationException(names.map((name) => ({ field: name, messages: [`${name} must be a UUID`] })));
}

function internalProblem(): Problem {
  return {
    type: ProblemTypes.INTERNAL,
    title: 'Internal Server Error',
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    detail: 'The server could not complete the request. Quote the correlation id when reporting it.',
  };
}

function detailOf(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') {
    return body;
  }
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) {
    return message.map(String).join('; ');
  }
  return typeof message === 'string' ? message : exception.message;
}

/**
 * Express middleware (body-parser, raw-body) signals client errors the http-errors way:
 * a 4xx `status` with `expose: true` marks a message written for the client.
 */
function exposedClientError(exception: unknown): { status: number; message: string } | undefined {
  if (typeof exception !== 'object' || exception === null) {
    return undefined;
  }
  const { status, expose, message } = exception as { status?: unknown; expose?: unknown; message?: unknown };
  if (typeof status === 'number' && status >= 400 && status <= 499 && expose === true) {
    return { status, message: typeof message === 'string' ? message : (STATUS_CODES[status] ?? 'Error') };
  }
  return undefined;
}
