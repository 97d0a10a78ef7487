/**
 * A refusal of the evaluation service. Each error describes itself as RFC 9457 problem details
 * (the shape the platform's filter looks for), so the domain needs no web framework to say how it fails.
 */
export class EvaluationError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly slug: string,
    private readonly title: string,
    private readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'EvaluationError';
  }

  toProblem() {
    return {
      type: `https://cmp.dk/problems/evaluation/${this.slug}`,
      title: this.title,
      status: this.status,
      detail: this.message,
      extensions: this.extensions,
    };
  }
}

export const notFound = (kind: string, id: string) => new EvaluationError(`${kind} ${id} does not exist`, 404, 'not-found', 'Not found');
/** The link's token matches no invitation; deliberately says nothing about why. */
export const unknownLink = () => new EvaluationError('this survey link is not valid', 404, 'unknown-survey-link', 'Unknown survey link');
export const alreadyAnswered = (answeredAt: Date) =>
  new EvaluationError('this survey has already been answered; a survey takes one response per person', 409, 'survey-already-answered', 'Survey already answered', {
    answeredAt: answeredAt.toISOString(),
  });
export const surveyExpired = (expiresAt: Date) =>
  new EvaluationError('this survey link has expired', 410, 'survey-expired', 'Survey expired', { expiresAt: expiresAt.toISOString() });
export const surveyClosed = () => new EvaluationError('this survey invitation was withdrawn', 410, 'survey-withdrawn', 'Survey withdrawn');
export const invalidAnswers = (problems: string[]) =>
  new EvaluationError(`the answers do not fit the survey: ${problems.join('; ')}`, 422, 'invalid-answers', 'The answers do not fit the survey', { problems });
export const invalidSurvey = (problems: string[]) =>
  new EvaluationError(`the survey definition is invalid: ${problems.join('; ')}`, 422, 'invalid-survey', 'The survey definition is invalid', { problems });
export const refused = (message: string) => new EvaluationError(message, 409, 'refused', 'Not allowed in the current state');
