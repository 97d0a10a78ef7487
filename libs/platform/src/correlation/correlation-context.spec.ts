import { correlationContext } from './correlation-context';

describe('correlationContext', () => {
  it('has no ids outside of a run', () => {
    expect(correlationContext.current()).toBeUndefined();
  });

  it('carries the ids through awaits and timers inside a run', async () => {
    const seen = await correlationContext.run({ correlationId: 'c-1', causationId: 'e-9' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return correlationContext.current();
    });

    expect(seen).toEqual({ correlationId: 'c-1', causationId: 'e-9' });
    expect(correlationContext.current()).toBeUndefined();
  });

  it('returns what the function returns', () => {
    expect(correlationContext.run({ correlationId: 'c-1' }, () => 42)).toBe(42);
  });

  it('keeps concurrent runs apart', async () => {
    const read = (id: string) =>
      correlationContext.run({ correlationId: id }, async () => {
        await new Promise((resolve) => setTimeout(resolve, id === 'first' ? 5 : 1));
        return correlationContext.current()?.correlationId;
      });

    await expect(Promise.all([read('first'), read('second')])).resolves.toEqual(['first', 'second']);
  });

  it('restores the outer ids after a nested run', () => {
    correlationContext.run({ correlationId: 'outer' }, () => {
      correlationContext.run({ correlationId: 'outer', causationId: 'event-1' }, () => {
        expect(correlationContext.current()?.causationId).toBe('event-1');
      });
      expect(correlationContext.current()).toEqual({ correlationId: 'outer' });
    });
  });

  it('does not let a handler change the ids other code sees', () => {
    const ids = { correlationId: 'c-1' };
    correlationContext.run(ids, () => {
      const current = correlationContext.current() as { correlationId: string };
      expect(() => {
        current.correlationId = 'changed';
      }).toThrow(TypeError);
    });
    expect(ids.correlationId).toBe('c-1');
  });
});
