import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { PersonRole, SurveyKind } from '@cmp/contracts';
import { ReadTransaction, Transaction } from '@cmp/kernel';
import {
  AnsweredQuestions,
  Invitation,
  InvitationCount,
  InvitationRepository,
  SurveyResponse,
} from '../../application/invitations/invitation.repository';
import { Answers } from '../../domain/surveys/survey-question';
import { InvitationEntity } from '../entities/invitation.entity';
import { entityManagerOf } from '@cmp/messaging';

/** `invitations`, `invitation_tokens` (hashes only) and `responses`. */
@Injectable()
export class TypeOrmInvitationRepository extends InvitationRepository {
  async addIfNew(tx: Transaction, invitation: Invitation): Promise<boolean> {
    // The unique index on (person, kind, cohort) turns a repeated trigger into no row.
    const inserted = await entityManagerOf(tx).createQueryBuilder().insert().into(InvitationEntity).values(invitation).orIgnore().returning(['id']).execute();
    return inserted.raw.length > 0;
  }

  async addToken(tx: Transaction, tokenHash: string, invitationId: string, issuedAt: Date): Promise<void> {
    await entityManagerOf(tx).query(`INSERT INTO invitation_tokens (token_hash, invitation_id, issued_at) VALUES ($1, $2, $3)`, [tokenHash, invitationId, issuedAt]);
  }

  async byTokenHash(tx: ReadTransaction, tokenHash: string, options: { lock: boolean }): Promise<Invitation | null> {
    const manager = entityManagerOf(tx);
    const [row] = await manager.query(`SELECT invitation_id FROM invitation_tokens WHERE token_hash = $1`, [tokenHash]);
    if (!row) return null;
    const entity = await manager.findOne(InvitationEntity, { where: { id: row.invitation_id }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    return entity ? invitationOf(entity) : null;
  }

  async markAnswered(tx: Transaction, invitationId: string, at: Date): Promise<void> {
    await entityManagerOf(tx).update(InvitationEntity, invitationId, { status: 'answered', answeredAt: at });
  }

  async markReminded(tx: Transaction, invitationId: string, at: Date): Promise<void> {
    await entityManagerOf(tx).update(InvitationEntity, invitationId, { remindedAt: at });
  }

  async markExpired(tx: Transaction, invitationId: string, at: Date): Promise<void> {
    await entityManagerOf(tx).update(InvitationEntity, invitationId, { status: 'expired', closedAt: at });
  }

  claimDueReminders(tx: Transaction, now: Date, limit: number): Promise<Invitation[]> {
    return this.claim(tx, `status = 'sent' AND reminded_at IS NULL AND remind_at <= $1 AND expires_at > $1`, now, limit);
  }

  claimExpired(tx: Transaction, now: Date, limit: number): Promise<Invitation[]> {
    return this.claim(tx, `status = 'sent' AND expires_at <= $1`, now, limit);
  }

  async deleteTokensOf(tx: Transaction, personKey: string): Promise<void> {
    await entityManagerOf(tx).query(`DELETE FROM invitation_tokens t USING invitations i WHERE t.invitation_id = i.id AND i.person_key = $1`, [personKey]);
  }

  async withdrawOpenOf(tx: Transaction, personKey: string, at: Date): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE invitations SET status = 'withdrawn', closed_at = $2 WHERE person_key = $1 AND status = 'sent'`, [personKey, at]);
  }

  countsOfCohort(tx: ReadTransaction, cohortId: string): Promise<InvitationCount[]> {
    return entityManagerOf(tx).query(
      `SELECT kind, status, count(*)::int AS count FROM invitations WHERE cohort_id = $1 GROUP BY kind, status ORDER BY kind, status`,
      [cohortId],
    );
  }

  async addResponse(tx: Transaction, response: SurveyResponse): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO responses (id, invitation_id, survey_id, kind, cohort_id, role, answers, satisfaction, recommendation, answered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)`,
      [
        response.id,
        response.invitationId,
        response.surveyId,
        response.kind,
        response.cohortId,
        response.role,
        JSON.stringify(response.answers),
        response.satisfaction,
        response.recommendation,
        response.answeredAt,
      ],
    );
  }

  responsesOf(tx: ReadTransaction, personKey: string): Promise<AnsweredQuestions[]> {
    return entityManagerOf(tx).query(
      `SELECT r.id AS "responseId", r.answers, s.questions FROM responses r JOIN invitations i ON i.id = r.invitation_id JOIN surveys s ON s.id = r.survey_id
       WHERE i.person_key = $1`,
      [personKey],
    );
  }

  async replaceAnswers(tx: Transaction, responseId: string, answers: Answers): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE responses SET answers = $2::jsonb WHERE id = $1`, [responseId, JSON.stringify(answers)]);
  }

  /** Locks due rows in expiry order and skips rows another instance holds, so each timer fires once. */
  private async claim(tx: Transaction, condition: string, now: Date, limit: number): Promise<Invitation[]> {
    const manager = entityManagerOf(tx);
    const rows: { id: string }[] = await manager.query(`SELECT id FROM invitations WHERE ${condition} ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED`, [now, limit]);
    if (rows.length === 0) return [];
    return (await manager.findBy(InvitationEntity, { id: In(rows.map((row) => row.id)) })).map(invitationOf);
  }
}

function invitationOf(entity: InvitationEntity): Invitation {
  return {
    id: entity.id,
    surveyId: entity.surveyId,
    kind: entity.kind as SurveyKind,
    personKey: entity.personKey,
    role: entity.role as PersonRole,
    cohortId: entity.cohortId,
    matchId: entity.matchId,
    status: entity.status,
    sentAt: entity.sentAt,
    remindAt: entity.remindAt,
    remindedAt: entity.remindedAt,
    expiresAt: entity.expiresAt,
    answeredAt: entity.answeredAt,
    closedAt: entity.closedAt,
  };
}
