import type { Transaction } from '@cmp/kernel';
import { entityManagerOf } from '../unit-of-work/typeorm-unit-of-work';
import type { ClaimDue, LeaseStore } from './durable-polling-worker';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function identifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`${what} "${name}" is not a plain lower-case SQL identifier`);
  return name;
}

export interface DueRowsQuery<Row> {
  /** The table in the service's own schema (the search path resolves it). */
  readonly table: string;
  /**
   * When a row is due, in SQL over the table's columns; `$1` is the transaction's `now`:
   * `status = 'pending' AND due_at <= $1`. A constant of the calling repository, never input.
   */
  readonly dueWhen: string;
  /** Oldest first, with a unique column last so the order is total: `due_at, id`. */
  readonly orderBy: string;
  /** Columns handed to the handler; all when omitted. */
  readonly columns?: readonly string[];
  /** Maps a raw row (snake_case columns as the driver returns them) to the item the handler takes. */
  readonly toItem?: (row: Record<string, unknown>) => Row;
}

/**
 * The usual claim: the earliest due rows no other transaction holds, locked until the claiming
 * transaction ends. SKIP LOCKED lets a second instance move on to the next rows instead of
 * waiting, which is what makes the worker safe to run on every instance.
 */
export function claimDueRows<Row = Record<string, unknown>>(query: DueRowsQuery<Row>): ClaimDue<Row> {
  const table = identifier(query.table, 'table');
  const columns = query.columns ? query.columns.map((column) => identifier(column, 'column')).join(', ') : '*';
  const sql = `SELECT ${columns} FROM ${table} WHERE ${query.dueWhen} ORDER BY ${query.orderBy} LIMIT $2 FOR UPDATE SKIP LOCKED`;
  return async (tx: Transaction, limit: number) => {
    const rows: Record<string, unknown>[] = await entityManagerOf(tx).query(sql, [tx.now, limit]);
    return query.toItem ? rows.map(query.toItem) : (rows as Row[]);
  };
}

export interface ColumnLeaseSpec<Item> {
  readonly table: string;
  /** The table's key column; `id` unless given. */
  readonly key?: string;
  /** The timestamp column that says when a row is next due (`next_attempt_at`); the lease moves it. */
  readonly column: string;
  /** More that must hold of a row for its lease to count, in SQL: `status = 'pending'`. */
  readonly heldWhen?: string;
  readonly keyOf: (item: Item) => string;
}

/**
 * A lease kept in the row's own due-time column: taking it moves the row's next due time to the
 * lease's end (so it is not due to anyone meanwhile, and comes due again by itself if the holder
 * dies); it still holds while the column has exactly that value.
 */
export function columnLease<Item>(spec: ColumnLeaseSpec<Item>): LeaseStore<Item> {
  const table = identifier(spec.table, 'table');
  const key = identifier(spec.key ?? 'id', 'key column');
  const column = identifier(spec.column, 'lease column');
  const held = spec.heldWhen ? ` AND (${spec.heldWhen})` : '';
  return {
    take: async (tx, items, until) => {
      await entityManagerOf(tx).query(`UPDATE ${table} SET ${column} = $2 WHERE ${key} = ANY($1)`, [items.map(spec.keyOf), until]);
    },
    holds: async (tx, item, until) => {
      const rows: unknown[] = await entityManagerOf(tx).query(`SELECT 1 FROM ${table} WHERE ${key} = $1 AND ${column} = $2${held} FOR UPDATE`, [spec.keyOf(item), until]);
      return rows.length > 0;
    },
  };
}
