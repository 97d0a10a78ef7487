import { PersonRole, SurveyInvitationData, SurveyKind } from '@cmp/contracts';
import { InvitationEntity } from '../../infrastructure/entities/evaluation.entities';

/** Who an invitation is for, as every survey event (sent, reminded, answered, expired) names it. */
export function invitationEventData(invitation: InvitationEntity, personId: string): SurveyInvitationData {
  return {
    invitationId: invitation.id,
    surveyId: invitation.surveyId,
    kind: invitation.kind as SurveyKind,
    personId,
    role: invitation.role as PersonRole,
    cohortId: invitation.cohortId,
    ...(invitation.matchId ? { matchId: invitation.matchId } : {}),
  };
}
