import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person's secret calendar-feed URL. Only the token's SHA-256 is stored, never the token. */
@Entity('feed_tokens')
export class FeedTokenEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') personId: string;
  @Column('text') role: 'mentee' | 'mentor';
  @Column('text') tokenHash: string;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz', { nullable: true }) revokedAt: Date | null;
}
