import { ReadTransaction } from '@cmp/kernel';
import { UnknownSurveyLink } from '../../domain/evaluation-error';
import { SurveyRepository, SurveyVersion } from '../surveys/survey.repository';
import { Invitation, InvitationRepository } from './invitation.repository';
import { hashSurveyToken } from './survey-tokens';

/** What a respondent's link leads to, as they see it. */
export type LinkStatus = 'open' | 'answered' | 'expired' | 'withdrawn';

export function openStatusOf(invitation: Invitation, now: Date): LinkStatus {
  if (invitation.status === 'answered') return 'answered';
  if (invitation.status === 'withdrawn') return 'withdrawn';
  // The expiry timer may not have run yet; the deadline holds regardless.
  if (invitation.status === 'expired' || invitation.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

/** The invitation and survey version a link's token opens; an unknown token says nothing about why. */
export async function invitationByToken(
  invitations: InvitationRepository,
  surveys: SurveyRepository,
  tx: ReadTransaction,
  token: string,
  options: { lock: boolean },
): Promise<{ invitation: Invitation; survey: SurveyVersion }> {
  const invitation = await invitations.byTokenHash(tx, hashSurveyToken(token), options);
  if (!invitation) throw new UnknownSurveyLink();
  return { invitation, survey: await surveys.byId(tx, invitation.surveyId) };
}
