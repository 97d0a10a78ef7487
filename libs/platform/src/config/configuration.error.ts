/** One environment variable that failed validation, and every reason it failed. */
export interface ConfigurationIssue {
  readonly variable: string;
  readonly messages: readonly string[];
}

/**
 * Thrown at start-up when the environment does not describe a valid configuration. The
 * message lists every bad variable at once, so an operator fixes them in one round, and it
 * never repeats a value: `DATABASE_URL` and its kin carry passwords.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';

  constructor(
    readonly configName: string,
    readonly issues: readonly ConfigurationIssue[],
  ) {
    super(
      [
        `Invalid configuration (${configName}), the service cannot start:`,
        ...issues.map((issue) => `  - ${issue.variable}: ${issue.messages.join('; ')}`),
      ].join('\n'),
    );
  }
}
