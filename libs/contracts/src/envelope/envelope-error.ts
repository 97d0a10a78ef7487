/** A message that is not a CloudEvent we can read: consumers dead-letter it without retrying. */
export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';
}

/** A CloudEvent whose data breaks its contract: consumers dead-letter it without retrying. */
export class EventValidationError extends Error {
  override readonly name = 'EventValidationError';

  constructor(
    readonly eventType: string,
    readonly violations: readonly string[],
  ) {
    super(`${eventType} data is invalid: ${violations.join('; ')}`);
  }
}
