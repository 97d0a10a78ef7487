/** What the use cases need to know about the deployment (from `EvaluationConfig`). */
export interface SurveySettings {
  /** Public base of survey links; the token is appended as the last path segment. */
  readonly surveyBaseUrl: string;
  /** Days a survey link stays valid. */
  readonly validityDays: number;
  /** Days after sending that an unanswered survey is reminded, once. */
  readonly reminderAfterDays: number;
}

/** Nest's token for the settings; the values (and their defaults) come from `EvaluationConfig`. */
export const SURVEY_SETTINGS = Symbol('SURVEY_SETTINGS');
