import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { FieldError } from './problem';
import { RequestValidationException } from './request-validation.exception';

/**
 * The validation pipe every service uses: unknown properties are rejected rather than
 * silently dropped, payloads become DTO instances, and failures become a 400 validation
 * problem naming each bad field by its path (`items[0].email`).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The offending object and value would otherwise ride along inside the exception.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
  });
}

/**
 * Walks class-validator's nested errors into one entry per invalid field path. A field missing
 * from the request gets the one message `<field> is required`; this needs the errors to carry
 * their values (`validationError: { value: true }`), without which every rule is listed.
 */
export function flattenValidationErrors(errors: readonly ValidationError[]): FieldError[] {
  const fields: FieldError[] = [];
  collect(errors, '', false, fields);
  return fields;
}

function collect(errors: readonly ValidationError[], parentPath: string, parentIsArray: boolean, into: FieldError[]): void {
  for (const error of errors) {
    const path = joinPath(parentPath, error.property, parentIsArray);
    // A field that is simply absent is told so, rather than given every rule a value would have to meet.
    const absent = Object.prototype.hasOwnProperty.call(error, 'value') && error.value === undefined;
    const constraints = Object.values(error.constraints ?? {});
    const messages = absent && constraints.length > 0 ? [`${path} is required`] : constraints;
    if (messages.length > 0) {
      into.push({ field: path, messages });
    }
    if (error.children && error.children.length > 0) {
      collect(error.children, path, Array.isArray(error.value), into);
    }
  }
}

function joinPath(parentPath: string, property: string, parentIsArray: boolean): string {
  if (parentIsArray && /^\d+$/.test(property)) {
    return `${parentPath}[${property}]`;
  }
  return parentPath === '' ? property : `${parentPath}.${property}`;
}
