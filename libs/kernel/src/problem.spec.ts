import { isProblemSource, ServiceError } from './problem';

class SampleError extends ServiceError {
  constructor(message: string, extensions?: Record<string, unknown>) {
    super('sample', 'slot-taken', 409, 'The slot is taken', message, extensions);
  }
}

describe('a service error', () => {
  it('describes itself as problem details under its service and slug', () => {
    const error = new SampleError('Tuesday 10:00 is taken');
    expect(error.toProblem()).toEqual({ type: 'https://cmp.dk/problems/sample/slot-taken', title: 'The slot is taken', status: 409, detail: 'Tuesday 10:00 is taken' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SampleError');
    expect(isProblemSource(error)).toBe(true);
  });

  it('carries its extensions as extra members', () => {
    expect(new SampleError('taken', { conflictsWith: 's1' }).toProblem().extensions).toEqual({ conflictsWith: 's1' });
  });

  it('is told apart from errors that cannot describe themselves', () => {
    expect(isProblemSource(new Error('plain'))).toBe(false);
    expect(isProblemSource(null)).toBe(false);
  });
});
