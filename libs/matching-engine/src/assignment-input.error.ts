/**
 * The problem handed to the engine is malformed (duplicate or unknown ids, a duplicate pair, a
 * score that is not a finite number, a capacity that is not a positive integer). Thrown before
 * any work is done, so a caller can map it to a 4xx answer.
 */
export class AssignmentInputError extends Error {
  override readonly name = 'AssignmentInputError';

  constructor(message: string) {
    super(message);
  }
}
