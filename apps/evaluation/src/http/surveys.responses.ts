import { InvitationTally, SurveyForm } from '../application/invitations/invitation-queries';
import { SurveyVersion } from '../application/surveys/survey.repository';

export function surveyVersionResponse(survey: SurveyVersion) {
  return {
    id: survey.id,
    slug: survey.slug,
    version: survey.version,
    title: survey.title,
    questions: survey.questions,
    createdAt: survey.createdAt.toISOString(),
    createdBy: survey.createdBy,
  };
}

/** What a respondent's link shows: the questions and whether they can still be answered. */
export function surveyFormResponse(form: SurveyForm) {
  return {
    title: form.title,
    kind: form.kind,
    version: form.version,
    questions: form.questions,
    status: form.status,
    expiresAt: form.expiresAt.toISOString(),
  };
}

export function invitationTallyResponse(tally: InvitationTally) {
  return { kind: tally.kind, invited: tally.invited, open: tally.open, answered: tally.answered, expired: tally.expired, withdrawn: tally.withdrawn };
}
