import { ServiceError } from '@cmp/kernel';

/**
 * A refusal of the evaluation service. Each error describes itself as RFC 9457 problem details
 * (`https://cmp.dk/problems/evaluation/<slug>`), so the domain needs no web framework to say how it fails.
 */
export abstract class EvaluationError extends ServiceError {
  protected constructor(slug: string, status: number, title: string, message: string, extensions: Record<string, unknown> = {}) {
    super('evaluation', slug, status, title, message, extensions);
  }
}

export class NotFound extends EvaluationError {
  constructor(kind: string, id: string) {
    super('not-found', 404, 'Not found', `${kind} ${id} does not exist`);
  }
}

/** The link's token matches no invitation; deliberately says nothing about why. */
export class UnknownSurveyLink extends EvaluationError {
  constructor() {
    super('unknown-survey-link', 404, 'Unknown survey link', 'this survey link is not valid');
  }
}

export class SurveyAlreadyAnswered extends EvaluationError {
  constructor(answeredAt: Date) {
    super('survey-already-answered', 409, 'Survey already answered', 'this survey has already been answered; a survey takes one response per person', {
      answeredAt: answeredAt.toISOString(),
    });
  }
}

export class SurveyExpired extends EvaluationError {
  constructor(expiresAt: Date) {
    super('survey-expired', 410, 'Survey expired', 'this survey link has expired', { expiresAt: expiresAt.toISOString() });
  }
}

export class SurveyWithdrawn extends EvaluationError {
  constructor() {
    super('survey-withdrawn', 410, 'Survey withdrawn', 'this survey invitation was withdrawn');
  }
}

export class InvalidAnswers extends EvaluationError {
  constructor(problems: string[]) {
    super('invalid-answers', 422, 'The answers do not fit the survey', `the answers do not fit the survey: ${problems.join('; ')}`, { problems });
  }
}

export class InvalidSurvey extends EvaluationError {
  constructor(problems: string[]) {
    super('invalid-survey', 422, 'The survey definition is invalid', `the survey definition is invalid: ${problems.join('; ')}`, { problems });
  }
}

/** An outcome a coordinator records that lacks a fact its status needs, or mixes in facts of another status. */
export class InvalidOutcome extends EvaluationError {
  constructor(title: 'The outcome is incomplete' | 'The outcome is inconsistent', message: string) {
    super('invalid-outcome', 422, title, message);
  }
}
