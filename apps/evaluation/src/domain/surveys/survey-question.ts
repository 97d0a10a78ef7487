import { isIscoCode, isNaceCode } from '@cmp/contracts';
import { isIsoDate } from '@cmp/kernel';

/** The kinds of question a survey can ask. */
export const QUESTION_TYPES = ['likert', 'recommendation', 'single-choice', 'multiple-choice', 'free-text', 'date', 'code'] as const;
/** Classifications a `code` question draws from. */
export const CODE_LISTS = ['nace-rev2', 'isco-08'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface SurveyQuestion {
  /** Stable within a survey across versions, so answers to the same question can be compared. */
  readonly id: string;
  readonly type: QuestionType;
  readonly text: string;
  readonly required: boolean;
  /** The choices of a single- or multiple-choice question, by value. */
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /** For a `code` question: the classification its answer must come from. */
  readonly codeList?: (typeof CODE_LISTS)[number];
  /** Ask only when another (single-choice) question was answered with one of these values. */
  readonly askedIf?: { readonly questionId: string; readonly anyOf: readonly string[] };
}

export type AnswerValue = number | string | string[];
export type Answers = Readonly<Record<string, AnswerValue>>;

const QUESTION_ID = /^[a-z][a-zA-Z0-9-]{0,49}$/;
export const MAX_FREE_TEXT = 4000;

/** Everything wrong with a set of questions (empty when it is a usable survey). */
export function definitionProblems(questions: readonly SurveyQuestion[]): string[] {
  const problems: string[] = [];
  if (questions.length === 0) problems.push('a survey needs at least one question');
  const ids = new Set<string>();
  for (const question of questions) {
    if (!QUESTION_ID.test(question.id)) problems.push(`question id "${question.id}" must be 1–50 letters, digits or dashes, starting with a letter`);
    if (ids.has(question.id)) problems.push(`question id "${question.id}" is used twice`);
    ids.add(question.id);
    const isChoice = question.type === 'single-choice' || question.type === 'multiple-choice';
    const options = question.options ?? [];
    if (isChoice && options.length < 2) problems.push(`${question.id}: a choice question needs at least two options`);
    if (!isChoice && options.length > 0) problems.push(`${question.id}: only choice questions have options`);
    if (new Set(options.map((option) => option.value)).size !== options.length) problems.push(`${question.id}: option values must be unique`);
    if ((question.type === 'code') !== (question.codeList !== undefined)) problems.push(`${question.id}: a code question, and only it, names its codeList`);
    const askedIf = question.askedIf;
    if (askedIf) {
      const condition = questions.find((candidate) => candidate.id === askedIf.questionId);
      if (!condition || condition.type !== 'single-choice' || questions.indexOf(condition) > questions.indexOf(question)) {
        problems.push(`${question.id}: askedIf must name an earlier single-choice question`);
      }
    }
  }
  return problems;
}

/** Whether a question applies given the answers so far (a conditional question may not). */
export function isAsked(question: SurveyQuestion, answers: Answers): boolean {
  if (!question.askedIf) return true;
  const answer = answers[question.askedIf.questionId];
  return typeof answer === 'string' && question.askedIf.anyOf.includes(answer);
}

/**
 * Everything wrong with a response (empty when it fits the survey). Answers to questions the
 * survey does not ask, or that do not apply, are refused rather than silently stored.
 */
export function answerProblems(questions: readonly SurveyQuestion[], answers: Answers): string[] {
  const problems: string[] = [];
  const known = new Map(questions.map((question) => [question.id, question]));
  for (const id of Object.keys(answers)) {
    const question = known.get(id);
    if (!question) problems.push(`${id}: the survey has no such question`);
    else if (!isAsked(question, answers)) problems.push(`${id}: this question does not apply to the answers given`);
  }
  for (const question of questions) {
    const value = answers[question.id];
    if (value === undefined || value === null) {
      if (question.required && isAsked(question, answers)) problems.push(`${question.id}: an answer is required`);
      continue;
    }
    const problem = valueProblem(question, value);
    if (problem) problems.push(`${question.id}: ${problem}`);
  }
  return problems;
}

function valueProblem(question: SurveyQuestion, value: AnswerValue): string | null {
  const values = (question.options ?? []).map((option) => option.value);
  switch (question.type) {
    case 'likert':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5 ? null : 'must be a whole number from 1 to 5';
    case 'recommendation':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10 ? null : 'must be a whole number from 0 to 10';
    case 'single-choice':
      return typeof value === 'string' && values.includes(value) ? null : `must be one of ${values.join(', ')}`;
    case 'multiple-choice':
      return Array.isArray(value) && value.length > 0 && new Set(value).size === value.length && value.every((choice) => values.includes(choice))
        ? null
        : `must be a list of distinct values from ${values.join(', ')}`;
    case 'free-text':
      return typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_FREE_TEXT ? null : `must be text of 1–${MAX_FREE_TEXT} characters`;
    case 'code':
      return (question.codeList === 'nace-rev2' ? isNaceCode(value) : isIscoCode(value)) ? null : `must be a ${question.codeList} code`;
    case 'date':
      return isIsoDate(value) ? null : 'must be a date (YYYY-MM-DD)';
  }
}

/** The answers without free text: what is kept once the person who wrote it is erased. */
export function withoutFreeText(questions: readonly SurveyQuestion[], answers: Answers): Answers {
  const freeText = new Set(questions.filter((question) => question.type === 'free-text').map((question) => question.id));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => !freeText.has(id)));
}
