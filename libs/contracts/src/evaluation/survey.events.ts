import { IsDateString, IsIn, IsOptional, IsUrl, IsUUID } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';
import { PERSON_ROLES, PersonRole } from '../enrolment/privacy.events';

export const SURVEY_KINDS = ['mid-term', 'end-of-programme', 'follow-up-0', 'follow-up-3', 'follow-up-6'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** Who a survey invitation is for. */
export class SurveyInvitationData {
  @IsUUID() invitationId: string;
  @IsUUID() surveyId: string;
  @IsIn(SURVEY_KINDS) kind: SurveyKind;
  @IsUUID() personId: string;
  @IsIn(PERSON_ROLES) role: PersonRole;
  @IsUUID() cohortId: string;
  @IsOptional() @IsUUID() matchId?: string;
}

/**
 * A person is invited to answer a survey. The link is the recipient's secret: it goes to
 * notifications, which mails it, and nowhere else.
 */
export class SurveySentData extends SurveyInvitationData {
  @IsUrl({ require_protocol: true, require_tld: false }) link: string;
  @IsDateString() expiresAt: string;
}
export const SurveySent = defineEvent('dk.cmp.evaluation.survey-sent.v1', SurveySentData);

/** An invitation is still unanswered some days after it was sent; notifications reminds the person. */
export class SurveyReminderDueData extends SurveySentData {}
export const SurveyReminderDue = defineEvent('dk.cmp.evaluation.survey-reminder-due.v1', SurveyReminderDueData);

export class SurveyAnsweredData extends SurveyInvitationData {
  @IsDateString() answeredAt: string;
}
export const SurveyAnswered = defineEvent('dk.cmp.evaluation.survey-answered.v1', SurveyAnsweredData);

export class SurveyExpiredData extends SurveyInvitationData {
  @IsDateString() expiredAt: string;
}
export const SurveyExpired = defineEvent('dk.cmp.evaluation.survey-expired.v1', SurveyExpiredData);
