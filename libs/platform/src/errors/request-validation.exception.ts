import { BadRequestException } from '@nestjs/common';
import type { FieldError, Problem, ProblemSource } from './problem';
import { ProblemTypes } from './problem-types';

/** A request whose body, query or parameters failed validation, with every bad field. */
export class RequestValidationException extends BadRequestException implements ProblemSource {
  constructor(readonly errors: readonly FieldError[]) {
    super(`Invalid ${errors.map((error) => error.field).join(', ')}`);
  }

  toProblem(): Problem {
    const fields = this.errors.map((error) => error.field);
    return {
      type: ProblemTypes.VALIDATION,
      title: 'The request is not valid',
      status: 400,
      detail:
        fields.length === 1
          ? `The field ${fields[0]} is not valid.`
          : `${fields.length} fields are not valid: ${fields.join(', ')}.`,
      extensions: { errors: this.errors.map((error) => ({ field: error.field, messages: [...error.messages] })) },
    };
  }
}
