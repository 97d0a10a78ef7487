import { EMPLOYMENT_HOURS, EMPLOYMENT_TERMS, OUTCOME_STATUSES, SurveyKind } from '@cmp/contracts';
import { SurveyQuestion } from './survey-question';

/** A survey definition is named by a slug; each kind of invitation uses the latest version of one. */
export type SurveySlug = 'mid-term' | 'end-of-programme' | 'follow-up';

export function slugOfKind(kind: SurveyKind): SurveySlug {
  return kind.startsWith('follow-up') ? 'follow-up' : (kind as SurveySlug);
}

/** Months after completion of a follow-up kind, or null for the in-programme surveys. */
export function followUpMonthsOf(kind: SurveyKind): number | null {
  const match = /^follow-up-(\d+)$/.exec(kind);
  return match ? Number(match[1]) : null;
}

export const SATISFACTION_QUESTION = 'satisfaction';
export const RECOMMENDATION_QUESTION = 'recommend';

const likert = (id: string, text: string): SurveyQuestion => ({ id, type: 'likert', text, required: true });
const comment = (id: string, text: string): SurveyQuestion => ({ id, type: 'free-text', text, required: false });
const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

const STATUS_LABELS: Record<(typeof OUTCOME_STATUSES)[number], string> = {
  employed: 'Employed',
  internship: 'In an internship',
  'own-company': 'Running my own company',
  'in-education': 'In education',
  unemployed: 'Looking for work',
  'left-denmark': 'I have left Denmark',
  'no-answer': 'I prefer not to say',
};
const WITH_START = ['employed', 'internship', 'own-company', 'in-education'];

/** The standard surveys, version 1; coordinators publish later versions through the API. */
export const STANDARD_SURVEYS: Record<SurveySlug, { readonly title: string; readonly questions: readonly SurveyQuestion[] }> = {
  'mid-term': {
    title: 'Halfway through the mentoring programme',
    questions: [
      likert('progress', 'How well is the mentorship helping you towards your goals so far?'),
      likert('match', 'How well does your mentor/mentee fit you?'),
      {
        id: 'topics',
        type: 'multiple-choice',
        text: 'Which topics have you worked on?',
        required: false,
        options: [
          { value: 'cv', label: 'CV and LinkedIn' },
          { value: 'applications', label: 'Applications' },
          { value: 'interviews', label: 'Interview training' },
          { value: 'networking', label: 'Networking' },
          { value: 'labour-market', label: 'The Danish labour market' },
        ],
      },
      comment('comment', 'Anything you would like the coordinators to know?'),
    ],
  },
  'end-of-programme': {
    title: 'At the end of the mentoring programme',
    questions: [
      likert(SATISFACTION_QUESTION, 'Overall, how satisfied are you with the programme?'),
      { id: RECOMMENDATION_QUESTION, type: 'recommendation', text: 'How likely are you to recommend the programme to someone in your situation (0–10)?', required: true },
      { id: 'mentor-again', type: 'single-choice', text: 'Would you take part again?', required: false, options: yesNo },
      comment('comment', 'What should we keep or change?'),
    ],
  },
  'follow-up': {
    title: 'How are you doing since the programme?',
    questions: [
      {
        id: 'status',
        type: 'single-choice',
        text: 'What is your situation today?',
        required: true,
        options: OUTCOME_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
      },
      { id: 'startedOn', type: 'date', text: 'When did it start?', required: true, askedIf: { questionId: 'status', anyOf: WITH_START } },
      {
        id: 'hours',
        type: 'single-choice',
        text: 'Full-time or part-time?',
        required: true,
        options: EMPLOYMENT_HOURS.map((value) => ({ value, label: value === 'full-time' ? 'Full-time' : 'Part-time' })),
        askedIf: { questionId: 'status', anyOf: ['employed'] },
      },
      {
        id: 'terms',
        type: 'single-choice',
        text: 'Permanent or temporary?',
        required: true,
        options: EMPLOYMENT_TERMS.map((value) => ({ value, label: value === 'permanent' ? 'Permanent' : 'Temporary' })),
        askedIf: { questionId: 'status', anyOf: ['employed'] },
      },
      {
        id: 'sector',
        type: 'code',
        codeList: 'nace-rev2',
        text: "The employer's sector (NACE code, e.g. 62)",
        required: false,
        askedIf: { questionId: 'status', anyOf: ['employed', 'internship'] },
      },
      {
        id: 'occupation',
        type: 'code',
        codeList: 'isco-08',
        text: 'Your occupation (ISCO-08 code, e.g. 2512)',
        required: false,
        askedIf: { questionId: 'status', anyOf: ['employed', 'internship'] },
      },
      {
        id: 'throughMentorNetwork',
        type: 'single-choice',
        text: "Did it come through your mentor's network?",
        required: false,
        options: yesNo,
        askedIf: { questionId: 'status', anyOf: WITH_START },
      },
      comment('comment', 'Anything else you want to tell us?'),
    ],
  },
};
