import { SurveyInvitationData } from '@cmp/contracts';
import { Invitation } from './invitation.repository';

/** Who an invitation is for, as every survey event (sent, reminded, answered, expired) names it. */
export function invitationEventData(invitation: Invitation, personId: string): SurveyInvitationData {
  return {
    invitationId: invitation.id,
    surveyId: invitation.surveyId,
    kind: invitation.kind,
    personId,
    role: invitation.role,
    cohortId: invitation.cohortId,
    ...(invitation.matchId ? { matchId: invitation.matchId } : {}),
  };
}
