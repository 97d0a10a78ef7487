import {
  DuplicateApplicationError,
  DuplicateRegistrationError,
  EnrolmentError,
  InvalidRequestError,
  NotFoundError,
  QuotaExhaustedError,
  ReferralUnusableError,
  TransitionRefusedError,
} from './enrolment-error';

const PROBLEMS = 'https://cmp.dk/problems/enrolment';

describe('enrolment errors as problem details', () => {
  it('describes a missing thing as 404 not-found, naming what and which', () => {
    expect(new NotFoundError('cohort', 'c-42').toProblem()).toEqual({
      type: `${PROBLEMS}/not-found`,
      title: 'Not found',
      status: 404,
      detail: 'cohort c-42 does not exist',
    });
  });

  it.each([
    { kind: TransitionRefusedError, slug: 'transition-refused', title: 'Not allowed in the current state', status: 409 },
    { kind: QuotaExhaustedError, slug: 'quota-exhausted', title: 'No placements left', status: 409 },
    { kind: DuplicateApplicationError, slug: 'duplicate-application', title: 'An active application exists for this email', status: 409 },
    { kind: DuplicateRegistrationError, slug: 'duplicate-registration', title: 'A mentor is registered with this email', status: 409 },
    { kind: ReferralUnusableError, slug: 'referral-unusable', title: 'The referral code cannot be used', status: 422 },
    { kind: InvalidRequestError, slug: 'invalid-request', title: 'The request breaks an enrolment rule', status: 422 },
  ])('describes a broken rule of type $slug with status $status and its message as the detail', ({ kind: Kind, slug, title, status }) => {
    expect(new Kind('the detail of this case').toProblem()).toEqual({
      type: `${PROBLEMS}/${slug}`,
      title,
      status,
      detail: 'the detail of this case',
    });
  });

  it('refuses a transition with 409 and says why in the detail', () => {
    const problem = new TransitionRefusedError('a completed cohort cannot become open').toProblem();
    expect(problem.status).toBe(409);
    expect(problem.type).toBe(`${PROBLEMS}/transition-refused`);
    expect(problem.detail).toBe('a completed cohort cannot become open');
  });

  it('gives every kind of error its own stable type', () => {
    const types = [
      new NotFoundError('mentee', 'm-1'),
      new TransitionRefusedError('x'),
      new QuotaExhaustedError('x'),
      new DuplicateApplicationError('x'),
      new DuplicateRegistrationError('x'),
      new ReferralUnusableError('x'),
      new InvalidRequestError('x'),
    ].map((error) => error.toProblem().type);
    expect(new Set(types).size).toBe(types.length);
  });

  it('keeps every enrolment error a real Error the platform filter can recognise', () => {
    const error = new QuotaExhaustedError('all 3 placements are used');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(EnrolmentError);
    expect(error).toBeInstanceOf(QuotaExhaustedError);
    expect(error.message).toBe('all 3 placements are used');
    expect(error.status).toBe(409);
    expect(error.slug).toBe('quota-exhausted');
  });

  it('keeps the class name, so logs say which rule was broken', () => {
    expect(new ReferralUnusableError('x').constructor.name).toBe('ReferralUnusableError');
  });
});
