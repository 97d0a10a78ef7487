import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PersonRole, SurveyAnswered, SurveyExpired, SurveyKind, SurveyReminderDue, SurveySent, SurveySentData } from '@cmp/contracts';
import { copenhagenDateOf, Transaction, UnitOfWork } from '@cmp/kernel';
import { InvalidAnswers, NotFound, SurveyAlreadyAnswered, SurveyExpired as SurveyLinkExpired, SurveyWithdrawn } from '../../domain/evaluation-error';
import { outcomeFromAnswers, ReportedOutcome } from '../../domain/surveys/follow-up-outcome';
import { followUpMonthsOf, RECOMMENDATION_QUESTION, SATISFACTION_QUESTION, slugOfKind } from '../../domain/surveys/standard-surveys';
import { Answers, answerProblems } from '../../domain/surveys/survey-question';
import { SURVEY_SETTINGS, SurveySettings } from '../evaluation.settings';
import { OutcomeCommands } from '../outcomes/outcome-commands';
import { PeopleRepository } from '../people/people.repository';
import { ProgrammeRepository } from '../programme/programme.repository';
import { SurveyRepository } from '../surveys/survey.repository';
import { invitationEventData } from './invitation-event-data';
import { Invitation, InvitationRepository } from './invitation.repository';
import { invitationByToken, openStatusOf } from './invitation-links';
import { DueSurvey, ScheduledSurveyRepository } from './scheduled-survey.repository';
import { hashSurveyToken, newSurveyToken, surveyLink } from './survey-tokens';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What an expired follow-up says: nothing, which the KPIs count as "no answer". */
const NO_ANSWER: ReportedOutcome = { status: 'no-answer', hours: null, terms: null, sector: null, occupation: null, throughMentorNetwork: null, startedOn: null };

export interface InvitationRequest {
  readonly kind: SurveyKind;
  readonly personKey: string;
  readonly role: PersonRole;
  readonly cohortId: string;
  readonly matchId: string | null;
}

/**
 * Survey invitations from sending to answer: one per person, kind and cohort (a unique index
 * makes a repeated trigger a no-op), each with its own unguessable link that goes out only in
 * `SurveySent` (and, fresh, in `SurveyReminderDue`).
 */
@Injectable()
export class InvitationCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly invitations: InvitationRepository,
    private readonly surveys: SurveyRepository,
    private readonly people: PeopleRepository,
    private readonly programme: ProgrammeRepository,
    private readonly scheduledSurveys: ScheduledSurveyRepository,
    private readonly outcomes: OutcomeCommands,
    @Inject(SURVEY_SETTINGS) private readonly settings: SurveySettings,
  ) {}

  /** Invites the person unless already invited (or erased); returns the new invitation, or null. */
  async invite(tx: Transaction, request: InvitationRequest): Promise<Invitation | null> {
    const personId = await this.people.personIdOf(tx, request.personKey);
    if (!personId) return null;
    const slug = slugOfKind(request.kind);
    const survey = await this.surveys.latest(tx, slug);
    if (!survey) throw new NotFound('survey', slug);
    const now = tx.now;
    const invitation: Invitation = {
      id: randomUUID(),
      surveyId: survey.id,
      kind: request.kind,
      personKey: request.personKey,
      role: request.role,
      cohortId: request.cohortId,
      matchId: request.matchId,
      status: 'sent',
      sentAt: now,
      remindAt: new Date(now.getTime() + this.settings.reminderAfterDays * DAY_MS),
      remindedAt: null,
      expiresAt: new Date(now.getTime() + this.settings.validityDays * DAY_MS),
      answeredAt: null,
      closedAt: null,
    };
    if (!(await this.invitations.addIfNew(tx, invitation))) return null;
    const token = await this.issueToken(tx, invitation.id);
    tx.emit({ contract: SurveySent, key: invitation.id, data: this.sentData(invitation, personId, token) });
    return invitation;
  }

  /** Sends a scheduled survey to both of the pair, or cancels it when the mentorship ended early. */
  async sendScheduled(tx: Transaction, due: DueSurvey): Promise<'sent' | 'cancelled'> {
    const pair = await this.programme.mentorship(tx, due.matchId);
    const live = pair !== null && pair.status !== 'ended';
    if (live) {
      for (const [personKey, role] of [
        [pair.menteeKey, 'mentee'],
        [pair.mentorKey, 'mentor'],
      ] as const) {
        await this.invite(tx, { kind: due.kind, personKey, role, cohortId: due.cohortId, matchId: due.matchId });
      }
    }
    const outcome = live ? 'sent' : 'cancelled';
    await this.scheduledSurveys.settle(tx, due.id, outcome);
    return outcome;
  }

  /**
   * Reminds once. Only hashes are stored, so the reminder carries a fresh token; the first link
   * keeps working beside it until the invitation is answered or expires.
   */
  async remind(tx: Transaction, invitation: Invitation): Promise<void> {
    await this.invitations.markReminded(tx, invitation.id, tx.now);
    const personId = await this.people.personIdOf(tx, invitation.personKey);
    if (!personId) return;
    const token = await this.issueToken(tx, invitation.id);
    tx.emit({ contract: SurveyReminderDue, key: invitation.id, data: this.sentData(invitation, personId, token) });
  }

  /** An unanswered follow-up becomes a "no answer" outcome, so the follow-up is accounted for. */
  async expire(tx: Transaction, invitation: Invitation): Promise<void> {
    const now = tx.now;
    await this.invitations.markExpired(tx, invitation.id, now);
    const personId = await this.people.personIdOf(tx, invitation.personKey);
    if (personId) {
      tx.emit({ contract: SurveyExpired, key: invitation.id, data: { ...invitationEventData(invitation, personId), expiredAt: now.toISOString() } });
    }
    await this.recordFollowUpOutcome(tx, invitation, () => NO_ANSWER, 'system');
  }

  /**
   * The public side: whoever holds the link stores the invitation's one response; a follow-up
   * response from the mentee also records the outcome.
   */
  answer(token: string, answers: Answers): Promise<{ invitationId: string; answeredAt: string }> {
    return this.unitOfWork.run('survey', async (tx) => {
      const { invitation, survey } = await invitationByToken(this.invitations, this.surveys, tx, token, { lock: true });
      const status = openStatusOf(invitation, tx.now);
      if (status === 'answered') throw new SurveyAlreadyAnswered(invitation.answeredAt ?? invitation.sentAt);
      if (status === 'withdrawn') throw new SurveyWithdrawn();
      if (status === 'expired') throw new SurveyLinkExpired(invitation.expiresAt);
      const problems = answerProblems(survey.questions, answers);
      if (problems.length > 0) throw new InvalidAnswers(problems);
      const now = tx.now;
      await this.invitations.addResponse(tx, {
        id: randomUUID(),
        invitationId: invitation.id,
        surveyId: survey.id,
        kind: invitation.kind,
        cohortId: invitation.cohortId,
        role: invitation.role,
        answers,
        satisfaction: numberOrNull(answers[SATISFACTION_QUESTION]),
        recommendation: numberOrNull(answers[RECOMMENDATION_QUESTION]),
        answeredAt: now,
      });
      await this.invitations.markAnswered(tx, invitation.id, now);
      await this.recordFollowUpOutcome(tx, invitation, () => outcomeFromAnswers(answers), 'survey');
      const personId = await this.people.personIdOf(tx, invitation.personKey);
      if (personId) {
        tx.emit({
          contract: SurveyAnswered,
          key: invitation.id,
          data: { ...invitationEventData(invitation, personId), surveyId: survey.id, answeredAt: now.toISOString() },
        });
      }
      return { invitationId: invitation.id, answeredAt: now.toISOString() };
    });
  }

  /**
   * A mentee's follow-up, answered or not, is an outcome; other surveys and mentors' answers are
   * not, and are never read as one (they lack the follow-up's questions).
   */
  private async recordFollowUpOutcome(tx: Transaction, invitation: Invitation, outcome: () => ReportedOutcome, recordedBy: string): Promise<void> {
    const months = followUpMonthsOf(invitation.kind);
    if (months === null || invitation.role !== 'mentee') return;
    await this.outcomes.record(tx, {
      ...outcome(),
      personKey: invitation.personKey,
      cohortId: invitation.cohortId,
      reportedOn: copenhagenDateOf(tx.now),
      source: 'survey',
      sourceNote: null,
      followUpMonths: months,
      invitationId: invitation.id,
      recordedBy,
    });
  }

  private async issueToken(tx: Transaction, invitationId: string): Promise<string> {
    const token = newSurveyToken();
    await this.invitations.addToken(tx, hashSurveyToken(token), invitationId, tx.now);
    return token;
  }

  private sentData(invitation: Invitation, personId: string, token: string): SurveySentData {
    return {
      ...invitationEventData(invitation, personId),
      link: surveyLink(this.settings.surveyBaseUrl, token),
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
