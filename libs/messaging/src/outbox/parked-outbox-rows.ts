import { Client } from 'pg';
import { outboxChannel } from './messaging-tables.migration';

export interface ParkedOutboxRow {
  readonly id: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly topic: string;
  readonly key: string | null;
  readonly parkedAt: Date;
  readonly error: string;
  readonly payloadBytes: number;
  /** Rows of the same key that wait behind this one. */
  readonly waiting: number;
}

/**
 * The operator's side of parking (see `OutboxRelay`): list the rows the broker refused for good,
 * retry one after the cause is mended (the relay picks it up on its next round), or drop it so
 * the rows waiting behind it flow. Each call names the schema; nothing here knows a service.
 */
export class ParkedOutboxRows {
  constructor(private readonly client: Client) {}

  async list(schema: string): Promise<ParkedOutboxRow[]> {
    const { rows } = await this.client.query(
      `SELECT p.id, p.event_id, p.event_type, p.topic, p.message_key, p.parked_at, p.park_error, octet_length(p.payload) AS payload_bytes,
              (SELECT count(*) FROM ${table(schema)} w
                WHERE w.published_at IS NULL AND w.parked_at IS NULL AND w.id > p.id
                  AND w.topic = p.topic AND w.message_key IS NOT DISTINCT FROM p.message_key)::int AS waiting
         FROM ${table(schema)} p
        WHERE p.parked_at IS NOT NULL AND p.published_at IS NULL
        ORDER BY p.id`,
    );
    return rows.map((row) => ({
      id: String(row.id),
      eventId: row.event_id,
      eventType: row.event_type,
      topic: row.topic,
      key: row.message_key,
      parkedAt: row.parked_at,
      error: row.park_error,
      payloadBytes: Number(row.payload_bytes ?? 0),
      waiting: row.waiting,
    }));
  }

  /** Unparks a row: the relay tries it again, and the rows of its key after it. */
  async retry(schema: string, id: string): Promise<boolean> {
    const { rowCount } = await this.client.query(
      `UPDATE ${table(schema)} SET parked_at = NULL, park_error = NULL WHERE id = $1 AND parked_at IS NOT NULL AND published_at IS NULL`,
      [id],
    );
    if (rowCount) await this.client.query(`SELECT pg_notify($1, '')`, [outboxChannel(schema)]);
    return rowCount === 1;
  }

  /** Gives a row up for good: it is deleted, never published, and its key flows again. */
  async drop(schema: string, id: string): Promise<boolean> {
    const { rowCount } = await this.client.query(`DELETE FROM ${table(schema)} WHERE id = $1 AND parked_at IS NOT NULL AND published_at IS NULL`, [id]);
    if (rowCount) await this.client.query(`SELECT pg_notify($1, '')`, [outboxChannel(schema)]);
    return rowCount === 1;
  }
}

function table(schema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a schema name: ${schema}`);
  return `"${schema}".outbox`;
}
