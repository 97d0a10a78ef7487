import { sixMonthCutoff, statusWithinSixMonths } from './six-month-status';

const COMPLETED = '2027-06-01';

describe('status within six months of completion', () => {
  it('ends the window on the same day six calendar months later, and clamps month ends', () => {
    expect(sixMonthCutoff(COMPLETED)).toBe('2027-12-01');
    expect(sixMonthCutoff('2027-08-31')).toBe('2028-02-29');
  });

  it('counts a job that started by the cutoff as employed, whichever survey reported it', () => {
    expect(statusWithinSixMonths(COMPLETED, [{ status: 'employed', startedOn: '2027-12-01', reportedOn: '2028-03-01' }])).toBe('employed');
  });

  it('does not count a job that started the day after the cutoff', () => {
    expect(
      statusWithinSixMonths(COMPLETED, [
        { status: 'unemployed', reportedOn: '2027-09-01' },
        { status: 'employed', startedOn: '2027-12-02', reportedOn: '2027-12-05' },
      ]),
    ).toBe('unemployed');
  });

  it('counts a job found during the programme', () => {
    expect(statusWithinSixMonths(COMPLETED, [{ status: 'employed', startedOn: '2027-04-01', reportedOn: '2027-06-01' }])).toBe('employed');
  });

  it('counts employment within the window even if it ended before the cutoff', () => {
    expect(
      statusWithinSixMonths(COMPLETED, [
        { status: 'employed', startedOn: '2027-07-01', reportedOn: '2027-09-01' },
        { status: 'unemployed', reportedOn: '2027-11-28' },
      ]),
    ).toBe('employed');
  });

  it('takes the status that held at the cutoff when nobody was employed', () => {
    expect(
      statusWithinSixMonths(COMPLETED, [
        { status: 'unemployed', reportedOn: '2027-06-02' },
        { status: 'internship', startedOn: '2027-10-01', reportedOn: '2027-11-30' },
      ]),
    ).toBe('internship');
  });

  it('lets a late answer to the last follow-up speak for the six-month mark', () => {
    expect(statusWithinSixMonths(COMPLETED, [{ status: 'unemployed', reportedOn: '2027-12-09' }])).toBe('unemployed');
    expect(statusWithinSixMonths(COMPLETED, [{ status: 'left-denmark', reportedOn: '2027-12-09' }])).toBe('left-denmark');
  });

  it('counts someone whose only news is a start after the cutoff as still unemployed at six months', () => {
    expect(statusWithinSixMonths(COMPLETED, [{ status: 'own-company', startedOn: '2028-01-01', reportedOn: '2028-01-05' }])).toBe('unemployed');
  });

  it('ignores no-answers and reports no answer when nothing is known', () => {
    expect(statusWithinSixMonths(COMPLETED, [])).toBe('no-answer');
    expect(statusWithinSixMonths(COMPLETED, [{ status: 'no-answer', reportedOn: '2027-07-01' }])).toBe('no-answer');
    expect(
      statusWithinSixMonths(COMPLETED, [
        { status: 'in-education', startedOn: '2027-08-20', reportedOn: '2027-09-01' },
        { status: 'no-answer', reportedOn: '2027-12-30' },
      ]),
    ).toBe('in-education');
  });
});
