import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import express from 'express';
import type { HttpRequest, HttpResponse, NextFunction } from './http-message';

type Middleware = (request: HttpRequest & { body?: unknown }, response: HttpResponse, next: NextFunction) => void;

/** What a body that comes without a JSON media type is told. */
export const JSON_ONLY_DETAIL = 'The request body must be sent as application/json.';
/** What a JSON body that is an array, `null`, a string or a number is told. */
export const JSON_OBJECT_DETAIL = 'The body must be a JSON object.';

/**
 * How every CMP HTTP API reads a request body, in order:
 *
 * 1. a request that carries a body must declare a JSON media type (`application/json` or
 *    `application/*+json`), else 415: a `text/plain` or form-encoded body, or one without any
 *    content type, would otherwise be parsed as nothing and reach validation as an empty object,
 *    whose "email must be longer than …" hides the real mistake (and a form post from another
 *    site, which needs no CORS preflight, is refused outright);
 * 2. the JSON parser, lenient about the top-level value so that step 3 can name the mistake
 *    (its strict mode calls `null` "not valid JSON");
 * 3. the parsed body must be a JSON object: every request DTO is one, and an array or a scalar
 *    would reach class-validator as something it does not describe.
 *
 * A request without a body (no `Content-Length`, or 0, and no `Transfer-Encoding`) passes: most
 * commands (`POST /cohorts/:id/open`) take none.
 */
export function jsonRequestBody(limit: string): Middleware[] {
  const parser = express.json({ limit, strict: false, type: isJsonMediaType }) as unknown as Middleware;
  return [requireJsonMediaType, parser, requireJsonObject];
}

const requireJsonMediaType: Middleware = (request, _response, next) => {
  if (!hasBody(request)) return next();
  if (!isJsonMediaType(request)) {
    const mediaType = mediaTypeOf(request.headers['content-type'] ?? '');
    return next(new UnsupportedMediaTypeException(`${JSON_ONLY_DETAIL} It came as ${mediaType === '' ? 'no content type' : mediaType}.`));
  }
  next();
};

const requireJsonObject: Middleware = (request, _response, next) => {
  if (!hasBody(request)) return next();
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return next(new BadRequestException(JSON_OBJECT_DETAIL));
  next();
};

function hasBody(request: HttpRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function isJsonMediaType(request: { headers: HttpRequest['headers'] }): boolean {
  const contentType = request.headers['content-type'];
  if (contentType === undefined) return false;
  const mediaType = mediaTypeOf(contentType);
  return mediaType === 'application/json' || /^application\/[a-z0-9!#$&^_.-]+\+json$/.test(mediaType);
}

function mediaTypeOf(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}
