import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SurveyAnswered, SurveyKind } from '@cmp/contracts';
import { Outbox } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { copenhagenDateOf } from '../../domain/calendar-date';
import { alreadyAnswered, invalidAnswers, surveyClosed, surveyExpired, unknownLink } from '../../domain/evaluation-error';
import { outcomeFromAnswers } from '../../domain/surveys/follow-up-outcome';
import { followUpMonthsOf, RECOMMENDATION_QUESTION, SATISFACTION_QUESTION } from '../../domain/surveys/standard-surveys';
import { Answers, answerProblems } from '../../domain/surveys/survey-question';
import { InvitationEntity, SurveyEntity } from '../../infrastructure/entities/evaluation.entities';
import { OutcomeRecorder } from '../outcomes/outcome-recorder';
import { PeopleDirectory } from '../participants/people-directory';
import { invitationEventData } from './invitation-event-data';
import { hashSurveyToken } from './survey-tokens';

export interface SurveyForm {
  readonly title: string;
  readonly kind: string;
  readonly version: number;
  readonly questions: SurveyEntity['questions'];
  readonly status: 'open' | 'answered' | 'expired' | 'withdrawn';
  readonly expiresAt: string;
}

/** The public side: a respondent opens the link and answers once. */
@Injectable()
export class AnswerSurvey {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outcomes: OutcomeRecorder,
    private readonly people: PeopleDirectory,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async form(token: string): Promise<SurveyForm> {
    const { invitation, survey } = await this.find(this.dataSource.manager, token, false);
    return {
      title: survey.title,
      kind: invitation.kind,
      version: survey.version,
      questions: survey.questions,
      status: this.statusOf(invitation),
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /** Stores the one response of the invitation; a follow-up response also records the outcome. */
  answer(token: string, answers: Answers): Promise<{ invitationId: string; answeredAt: string }> {
    return this.dataSource.transaction(async (manager) => {
      const { invitation, survey } = await this.find(manager, token, true);
      const status = this.statusOf(invitation);
      if (status === 'answered') throw alreadyAnswered(invitation.answeredAt ?? invitation.sentAt);
      if (status === 'withdrawn') throw surveyClosed();
      if (status === 'expired') throw surveyExpired(invitation.expiresAt);
      const problems = answerProblems(survey.questions, answers);
      if (problems.length > 0) throw invalidAnswers(problems);
      const now = this.clock();
      await manager.query(
        `INSERT INTO responses (id, invitation_id, survey_id, kind, cohort_id, role, answers, satisfaction, recommendation, answered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)`,
        [
          randomUUID(),
          invitation.id,
          survey.id,
          invitation.kind,
          invitation.cohortId,
          invitation.role,
          JSON.stringify(answers),
          numberOrNull(answers[SATISFACTION_QUESTION]),
          numberOrNull(answers[RECOMMENDATION_QUESTION]),
          now,
        ],
      );
      await manager.update(InvitationEntity, invitation.id, { status: 'answered', answeredAt: now });
      const months = followUpMonthsOf(invitation.kind as SurveyKind);
      if (months !== null && invitation.role === 'mentee') {
        await this.outcomes.record(manager, {
          ...outcomeFromAnswers(answers),
          personKey: invitation.personKey,
          cohortId: invitation.cohortId,
          reportedOn: copenhagenDateOf(now),
          source: 'survey',
          sourceNote: null,
          followUpMonths: months,
          invitationId: invitation.id,
          recordedBy: 'survey',
        });
      }
      const personId = await this.people.personIdOf(manager, invitation.personKey);
      if (personId) {
        await this.outbox.add(manager, {
          contract: SurveyAnswered,
          key: invitation.id,
          data: { ...invitationEventData(invitation, personId), surveyId: survey.id, answeredAt: now.toISOString() },
        });
      }
      return { invitationId: invitation.id, answeredAt: now.toISOString() };
    });
  }

  private statusOf(invitation: InvitationEntity): SurveyForm['status'] {
    if (invitation.status === 'answered') return 'answered';
    if (invitation.status === 'withdrawn') return 'withdrawn';
    // The expiry timer may not have run yet; the deadline holds regardless.
    if (invitation.status === 'expired' || invitation.expiresAt.getTime() <= this.clock().getTime()) return 'expired';
    return 'open';
  }

  private async find(manager: EntityManager, token: string, lock: boolean): Promise<{ invitation: InvitationEntity; survey: SurveyEntity }> {
    const [row] = await manager.query(`SELECT invitation_id FROM invitation_tokens WHERE token_hash = $1`, [hashSurveyToken(token)]);
    if (!row) throw unknownLink();
    // The row lock makes two simultaneous submissions queue; the second then sees "answered".
    const invitation = await manager.findOne(InvitationEntity, { where: { id: row.invitation_id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!invitation) throw unknownLink();
    const survey = await manager.findOneByOrFail(SurveyEntity, { id: invitation.surveyId });
    return { invitation, survey };
  }
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
