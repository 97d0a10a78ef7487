import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PersonRole, SurveyKind, SurveyReminderDue, SurveySent, SurveySentData } from '@cmp/contracts';
import { Outbox } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { slugOfKind } from '../../domain/surveys/standard-surveys';
import { InvitationEntity } from '../../infrastructure/entities/evaluation.entities';
import { SURVEY_SETTINGS, SurveySettings } from '../evaluation.settings';
import { PeopleDirectory } from '../participants/people-directory';
import { invitationEventData } from './invitation-event-data';
import { SurveyDefinitions } from './survey-definitions';
import { hashSurveyToken, newSurveyToken, surveyLink } from './survey-tokens';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface InvitationRequest {
  readonly kind: SurveyKind;
  readonly personKey: string;
  readonly role: PersonRole;
  readonly cohortId: string;
  readonly matchId: string | null;
}

/**
 * Sends survey invitations: one per person, kind and cohort (a unique index makes a repeated
 * trigger a no-op), each with its own unguessable link that goes out only in `SurveySent`.
 */
@Injectable()
export class SurveyInvitations {
  constructor(
    private readonly definitions: SurveyDefinitions,
    private readonly people: PeopleDirectory,
    private readonly outbox: Outbox,
    @Inject(SURVEY_SETTINGS) private readonly settings: SurveySettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Invites the person unless already invited; returns the new invitation, or null. */
  async invite(manager: EntityManager, request: InvitationRequest): Promise<InvitationEntity | null> {
    const personId = await this.people.personIdOf(manager, request.personKey);
    if (!personId) return null;
    const survey = await this.definitions.latest(manager, slugOfKind(request.kind));
    const now = this.clock();
    const invitation: InvitationEntity = {
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
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(InvitationEntity)
      .values(invitation)
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw.length === 0) return null;
    const token = await this.issueToken(manager, invitation.id, now);
    await this.outbox.add(manager, { contract: SurveySent, key: invitation.id, data: this.sentData(invitation, personId, token) });
    return invitation;
  }

  /**
   * Reminds once. Only hashes are stored, so the reminder carries a fresh token; the first link
   * keeps working beside it until the invitation is answered or expires.
   */
  async remind(manager: EntityManager, invitation: InvitationEntity): Promise<void> {
    const now = this.clock();
    await manager.update(InvitationEntity, invitation.id, { remindedAt: now });
    const personId = await this.people.personIdOf(manager, invitation.personKey);
    if (!personId) return;
    const token = await this.issueToken(manager, invitation.id, now);
    await this.outbox.add(manager, { contract: SurveyReminderDue, key: invitation.id, data: this.sentData(invitation, personId, token) });
  }

  private async issueToken(manager: EntityManager, invitationId: string, now: Date): Promise<string> {
    const token = newSurveyToken();
    await manager.query(`INSERT INTO invitation_tokens (token_hash, invitation_id, issued_at) VALUES ($1, $2, $3)`, [hashSurveyToken(token), invitationId, now]);
    return token;
  }

  private sentData(invitation: InvitationEntity, personId: string, token: string): SurveySentData {
    return {
      ...invitationEventData(invitation, personId),
      link: surveyLink(this.settings.surveyBaseUrl, token),
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }
}
