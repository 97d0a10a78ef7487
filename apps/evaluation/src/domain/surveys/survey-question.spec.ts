import { STANDARD_SURVEYS } from './standard-surveys';
import { answerProblems, definitionProblems, SurveyQuestion, withoutFreeText } from './survey-question';

const followUp = STANDARD_SURVEYS['follow-up'].questions;
const endOfProgramme = STANDARD_SURVEYS['end-of-programme'].questions;
const midTerm = STANDARD_SURVEYS['mid-term'].questions;

describe('survey questions', () => {
  it('ships standard surveys that are valid definitions', () => {
    for (const survey of Object.values(STANDARD_SURVEYS)) expect(definitionProblems(survey.questions)).toEqual([]);
  });

  it('accepts a complete employed follow-up answer', () => {
    expect(
      answerProblems(followUp, { status: 'employed', startedOn: '2027-09-15', hours: 'full-time', terms: 'permanent', sector: '62', occupation: '2512', throughMentorNetwork: 'yes' }),
    ).toEqual([]);
  });

  it('asks for the start date only of statuses that have one, and refuses answers to questions that do not apply', () => {
    expect(answerProblems(followUp, { status: 'employed' })).toEqual(['startedOn: an answer is required', 'hours: an answer is required', 'terms: an answer is required']);
    expect(answerProblems(followUp, { status: 'unemployed' })).toEqual([]);
    expect(answerProblems(followUp, { status: 'unemployed', hours: 'full-time' })).toEqual(['hours: this question does not apply to the answers given']);
  });

  it('checks each answer against its question type', () => {
    expect(answerProblems(endOfProgramme, { satisfaction: 6, recommend: 11 })).toEqual([
      'satisfaction: must be a whole number from 1 to 5',
      'recommend: must be a whole number from 0 to 10',
    ]);
    expect(answerProblems(endOfProgramme, { satisfaction: 4.5, recommend: 0 })).toEqual(['satisfaction: must be a whole number from 1 to 5']);
    expect(answerProblems(followUp, { status: 'retired' })[0]).toMatch(/^status: must be one of employed/);
    expect(answerProblems(followUp, { status: 'internship', startedOn: '2027-02-30' })).toEqual(['startedOn: must be a date (YYYY-MM-DD)']);
    expect(answerProblems(followUp, { status: 'employed', startedOn: '2027-09-01', hours: 'full-time', terms: 'permanent', sector: 'ZZ' })).toEqual([
      'sector: must be a nace-rev2 code',
    ]);
    expect(answerProblems(midTerm, { progress: 4, match: 5, topics: ['cv', 'cv'] })).toEqual([
      expect.stringMatching(/^topics: must be a list of distinct values/),
    ]);
    expect(answerProblems(midTerm, { progress: 4, match: 5, comment: '   ' })).toEqual(['comment: must be text of 1–4000 characters']);
  });

  it('refuses answers to questions the survey does not ask', () => {
    expect(answerProblems(midTerm, { progress: 4, match: 5, salary: 50_000 })).toEqual(['salary: the survey has no such question']);
  });

  it('finds what is wrong with a definition', () => {
    const questions: SurveyQuestion[] = [
      { id: 'a', type: 'single-choice', text: 'A?', required: true, options: [{ value: 'x', label: 'X' }] },
      { id: 'a', type: 'likert', text: 'Again?', required: true, options: [{ value: 'y', label: 'Y' }, { value: 'z', label: 'Z' }] },
      { id: 'Bad id', type: 'free-text', text: 'B?', required: false, askedIf: { questionId: 'nope', anyOf: ['x'] } },
      { id: 'c', type: 'code', text: 'C?', required: false },
    ];
    expect(definitionProblems(questions)).toEqual([
      'a: a choice question needs at least two options',
      'question id "a" is used twice',
      'a: only choice questions have options',
      'question id "Bad id" must be 1–50 letters, digits or dashes, starting with a letter',
      'Bad id: askedIf must name an earlier single-choice question',
      'c: a code question, and only it, names its codeList',
    ]);
    expect(definitionProblems([])).toEqual(['a survey needs at least one question']);
  });

  it('drops free-text answers and keeps the rest for erasure', () => {
    expect(withoutFreeText(endOfProgramme, { satisfaction: 5, recommend: 9, comment: 'My mentor Jens at Novo was great' })).toEqual({ satisfaction: 5, recommend: 9 });
  });
});
