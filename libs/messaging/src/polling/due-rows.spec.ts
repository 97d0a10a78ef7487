import { claimDueRows, columnLease } from './due-rows';

describe('the due-rows claim and the column lease', () => {
  it('refuse a table or column that is not a plain identifier, so no name can smuggle SQL in', () => {
    expect(() => claimDueRows({ table: 'jobs; DROP TABLE jobs', dueWhen: 'due_at <= $1', orderBy: 'due_at' })).toThrow('table "jobs; DROP TABLE jobs" is not a plain lower-case SQL identifier');
    expect(() => claimDueRows({ table: 'jobs', dueWhen: 'due_at <= $1', orderBy: 'due_at', columns: ['id', '"Id"'] })).toThrow('column');
    expect(() => columnLease({ table: 'Jobs', column: 'due_at', keyOf: () => 'x' })).toThrow('table');
    expect(() => columnLease({ table: 'jobs', key: 'id, 1', column: 'due_at', keyOf: () => 'x' })).toThrow('key column');
    expect(() => columnLease({ table: 'jobs', column: 'due-at', keyOf: () => 'x' })).toThrow('lease column');
  });

  it('accept the names of an ordinary service table', () => {
    expect(claimDueRows({ table: 'webhook_deliveries', dueWhen: "status = 'pending' AND next_attempt_at <= $1", orderBy: 'next_attempt_at, id', columns: ['id', 'attempts'] })).toEqual(expect.any(Function));
    expect(columnLease({ table: 'messages', column: 'next_attempt_at', heldWhen: "status = 'pending'", keyOf: (id: string) => id })).toEqual({ take: expect.any(Function), holds: expect.any(Function) });
  });
});
