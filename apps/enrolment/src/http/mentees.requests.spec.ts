import { randomUUID } from 'node:crypto';
import { ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe, RequestValidationException } from '@cmp/platform';
import { applicationBody } from '@cmp/testing';
import { ApplyRequest } from './mentees.requests';

const metadata: ArgumentMetadata = { type: 'body', metatype: ApplyRequest };

/** The fields the pipe refuses, as the problem details name them. */
async function refusedFields(body: Record<string, unknown>): Promise<string[]> {
  try {
    await createValidationPipe().transform(body, metadata);
    return [];
  } catch (error) {
    if (!(error instanceof RequestValidationException)) throw error;
    const problem = error.toProblem() as { extensions?: { errors?: { field: string }[] } };
    return [...new Set((problem.extensions?.errors ?? []).map((issue) => issue.field))];
  }
}

describe('an application body', () => {
  it('is taken whole', async () => {
    expect(await refusedFields(applicationBody({ referralCode: 'ABCD-EFGH' }))).toEqual([]);
  });

  // Each of these once reached the service and failed there with a 500 (issue: the public API as a product).
  it.each([
    ['education', 'with a referral code', { referralCode: 'ABCD-EFGH' }],
    ['education', 'with a cohort instead of a code', { cohortId: randomUUID() }],
    ['preferences', 'with a referral code', { referralCode: 'ABCD-EFGH' }],
    ['preferences', 'with a cohort instead of a code', { cohortId: randomUUID() }],
  ])('is refused without %s (%s), naming the field', async (field, _how, extra) => {
    const { [field]: _missing, ...body } = applicationBody(extra) as Record<string, unknown>;
    expect(await refusedFields(body)).toEqual([field]);
  });

  it('is refused when education is not an object', async () => {
    expect(await refusedFields(applicationBody({ referralCode: 'ABCD-EFGH', education: 'master' }))).toEqual(['education']);
  });
});
