import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The stored outcome of a POST sent with an `Idempotency-Key`, replayed for a retry. */
@Entity('idempotency_records')
export class IdempotencyRecordEntity {
  @PrimaryColumn('text') key: string;
  @PrimaryColumn('text') route: string;
  @Column('text') requestHash: string;
  @Column('int', { nullable: true }) statusCode: number | null;
  @Column('jsonb', { nullable: true }) responseBody: unknown;
  /** People the response is about, so that erasure can remove the stored response too. */
  @Column('jsonb') personIds: string[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
