import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdempotencyRecordEntity } from '../entities';

const RETENTION_HOURS = 24;

/** A request claimed earlier under the same key: its hash, and its answer once it has one. */
export interface ClaimedRequest {
  readonly requestHash: string;
  /** Null while the first request is still running. */
  readonly statusCode: number | null;
  readonly responseBody: unknown;
}

/** The stored outcomes of POSTs sent with an `Idempotency-Key`, kept for 24 hours. */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the key, or returns the request another call claimed it with. */
  async claim(key: string, route: string, requestHash: string): Promise<ClaimedRequest | null> {
    await this.dataSource.query(`DELETE FROM idempotency_records WHERE created_at < now() - make_interval(hours => $1)`, [RETENTION_HOURS]);
    const inserted = await this.dataSource.query(
      `INSERT INTO idempotency_records (key, route, request_hash, person_ids) VALUES ($1, $2, $3, '[]')
       ON CONFLICT DO NOTHING RETURNING key`,
      [key, route, requestHash],
    );
    if (inserted.length > 0) return null;
    return this.dataSource.manager.findOneByOrFail(IdempotencyRecordEntity, { key, route });
  }

  /** `personIds`: whom the answer is about, so that erasing one of them removes it too. */
  async complete(key: string, route: string, answer: { statusCode: number; body: unknown; personIds: string[] }): Promise<void> {
    await this.dataSource.manager.update(IdempotencyRecordEntity, { key, route }, { statusCode: answer.statusCode, responseBody: answer.body as object, personIds: answer.personIds });
  }

  /** A failed request is not remembered: the client may correct it and retry with the same key. */
  async release(key: string, route: string): Promise<void> {
    await this.dataSource.manager.delete(IdempotencyRecordEntity, { key, route });
  }
}
