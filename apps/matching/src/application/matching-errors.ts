/** Refusals of the matching workflow, described as problem details for the platform's filter. */
export class MatchingError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly slug: string,
    private readonly title: string,
    private readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toProblem() {
    return {
      type: `https://cmp.dk/problems/matching/${this.slug}`,
      title: this.title,
      status: this.status,
      detail: this.message,
      extensions: this.extensions,
    };
  }
}

export const notFound = (kind: string, id: string) => new MatchingError(`${kind} ${id} does not exist`, 404, 'not-found', 'Not found');
export const refused = (message: string) => new MatchingError(message, 409, 'refused', 'Not allowed in the current state');
export const breaksConstraints = (reasons: string[]) =>
  new MatchingError(`the pair breaks hard constraints: ${reasons.join(', ')}`, 422, 'hard-constraint', 'The pair breaks a hard constraint', { reasons });
