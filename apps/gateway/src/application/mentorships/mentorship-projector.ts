import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MatchConfirmedData, MatchEndedData, PersonErasedData } from '@cmp/contracts';
import { SignInFailureKeys } from '../../domain/sign-in-failure-keys';

/**
 * Keeps what the gateway's ownership rules need from other services' events: which mentees a
 * mentor is matched with, and which accounts belong to erased people. Every write is
 * idempotent, and the inbox makes each event count once anyway.
 */
@Injectable()
export class MentorshipProjector {
  constructor(private readonly failureKeys: SignInFailureKeys) {}

  async matchConfirmed(manager: EntityManager, data: MatchConfirmedData): Promise<void> {
    await manager.query(
      `INSERT INTO mentorships (match_id, mentee_id, mentor_id) VALUES ($1, $2, $3) ON CONFLICT (match_id) DO NOTHING`,
      [data.matchId, data.menteeId, data.mentorId],
    );
  }

  async matchEnded(manager: EntityManager, data: MatchEndedData, endedAt: Date): Promise<void> {
    // An end may overtake its confirmation on another partition: record the pair as ended either way.
    await manager.query(
      `INSERT INTO mentorships (match_id, mentee_id, mentor_id, ended_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (match_id) DO UPDATE SET ended_at = COALESCE(mentorships.ended_at, EXCLUDED.ended_at)`,
      [data.matchId, data.menteeId, data.mentorId, endedAt],
    );
  }

  /**
   * An erased person keeps no account: their email and password hash go, and with them every
   * session. The sign-in failures counted against their email (keyed by its hash) go too.
   */
  async personErased(manager: EntityManager, data: PersonErasedData): Promise<void> {
    const accounts: { email: string }[] = await manager.query(`SELECT email FROM accounts WHERE person_id = $1`, [data.personId]);
    const keys = accounts.map((account) => this.failureKeys.account(account.email));
    if (keys.length > 0) await manager.query(`DELETE FROM sign_in_failures WHERE key = ANY($1)`, [keys]);
    await manager.query(`DELETE FROM accounts WHERE person_id = $1`, [data.personId]);
  }
}
