import type { ValidationError } from 'class-validator';
import { flattenValidationErrors } from './validation-pipe.factory';

function error(property: string, value: unknown, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError {
  return { property, value, constraints, children };
}

describe('flattenValidationErrors', () => {
  it('writes object nesting with dots and array positions with brackets', () => {
    const errors = [
      error('a', {}, undefined, [
        error('b', [[], {}], undefined, [error('1', {}, undefined, [error('c', 5, { isString: 'c must be a string' })])]),
      ]),
    ];

    expect(flattenValidationErrors(errors)).toEqual([{ field: 'a.b[1].c', messages: ['c must be a string'] }]);
  });

  it('keeps every message of a field and every failing field', () => {
    const errors = [
      error('email', 'x', { isEmail: 'email must be an email', maxLength: 'email is too long' }),
      error('tags', ['ok', 7], { arrayMaxSize: 'tags has too many entries' }),
    ];

    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'email', messages: ['email must be an email', 'email is too long'] },
      { field: 'tags', messages: ['tags has too many entries'] },
    ]);
  });

  it('treats numeric keys of a plain object as properties, not positions', () => {
    const errors = [error('byYear', { 2024: 'x' }, undefined, [error('2024', 'x', { isInt: '2024 must be an integer' })])];

    expect(flattenValidationErrors(errors)).toEqual([{ field: 'byYear.2024', messages: ['2024 must be an integer'] }]);
  });
});
