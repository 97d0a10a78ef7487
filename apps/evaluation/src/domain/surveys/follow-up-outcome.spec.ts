import { outcomeFromAnswers } from './follow-up-outcome';

describe('outcome from a follow-up answer', () => {
  it('reads the employment facts by their question ids', () => {
    expect(
      outcomeFromAnswers({ status: 'employed', startedOn: '2027-09-15', hours: 'part-time', terms: 'temporary', sector: '62', occupation: '2512', throughMentorNetwork: 'yes', comment: 'x' }),
    ).toEqual({ status: 'employed', startedOn: '2027-09-15', hours: 'part-time', terms: 'temporary', sector: '62', occupation: '2512', throughMentorNetwork: true });
  });

  it('leaves out what was not asked', () => {
    expect(outcomeFromAnswers({ status: 'unemployed' })).toEqual({
      status: 'unemployed',
      startedOn: null,
      hours: null,
      terms: null,
      sector: null,
      occupation: null,
      throughMentorNetwork: null,
    });
    expect(outcomeFromAnswers({ status: 'own-company', startedOn: '2027-08-01', throughMentorNetwork: 'no' }).throughMentorNetwork).toBe(false);
  });

  it('refuses a response without a status', () => {
    expect(() => outcomeFromAnswers({ comment: 'hi' })).toThrow('status');
  });
});
