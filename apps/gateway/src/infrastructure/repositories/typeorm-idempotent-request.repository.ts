import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdempotentRequestRepository, KeptRequest } from '../../application/idempotency/idempotent-request.repository';

@Injectable()
export class TypeOrmIdempotentRequestRepository extends IdempotentRequestRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async claim(caller: string, key: string, fingerprint: string, leaseMs: number, keepForMs: number): Promise<boolean> {
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotent_requests (caller, key, fingerprint, leased_until, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4), now() + make_interval(secs => $5))
       ON CONFLICT (caller, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, status = NULL, response = NULL, leased_until = EXCLUDED.leased_until, expires_at = EXCLUDED.expires_at
         WHERE idempotent_requests.expires_at < now() OR (idempotent_requests.status IS NULL AND idempotent_requests.leased_until < now())
       RETURNING key`,
      [caller, key, fingerprint, leaseMs / 1000, keepForMs / 1000],
    );
    return claimed.length > 0;
  }

  async find(caller: string, key: string): Promise<KeptRequest | undefined> {
    const rows: { fingerprint: string; status: number | null; response: Buffer | null }[] = await this.dataSource.query(
      `SELECT fingerprint, status, response FROM idempotent_requests WHERE caller = $1 AND key = $2`,
      [caller, key],
    );
    return rows[0] && { fingerprint: rows[0].fingerprint, status: rows[0].status, sealedResponse: rows[0].response };
  }

  async complete(caller: string, key: string, fingerprint: string, status: number, sealedResponse: Buffer): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotent_requests SET status = $4, response = $5 WHERE caller = $1 AND key = $2 AND fingerprint = $3 AND status IS NULL`,
      [caller, key, fingerprint, status, sealedResponse],
    );
  }

  async release(caller: string, key: string, fingerprint: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotent_requests WHERE caller = $1 AND key = $2 AND fingerprint = $3 AND status IS NULL`, [caller, key, fingerprint]);
  }

  async deleteExpired(): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotent_requests WHERE expires_at < now()`);
  }
}
