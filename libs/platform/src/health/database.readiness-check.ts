import type { ReadinessCheck } from './readiness-check';

/**
 * Anything that runs SQL: a TypeORM `DataSource` or a `pg` pool fits as it is, so the
 * platform needs no database driver of its own.
 */
export interface SqlQueryable {
  query(sql: string): Promise<unknown>;
}

/**
 * Ready when the database answers `SELECT 1`. Whoever owns the data source provides it,
 * for example:
 *
 * ```ts
 * { provide: DatabaseReadinessCheck, useFactory: (db: DataSource) => new DatabaseReadinessCheck(db), inject: [DataSource] }
 * ```
 */
export class DatabaseReadinessCheck implements ReadinessCheck {
  constructor(
    private readonly database: SqlQueryable,
    readonly name = 'database',
  ) {}

  async check(): Promise<void> {
    await this.database.query('SELECT 1');
  }
}
