import { ownParam, RouteDefinition, STAFF } from '../domain/route-definition';

/** Evaluation (`EVALUATION_URL`): surveys, employment outcomes and KPI reports. */
export const EVALUATION_ROUTES: readonly RouteDefinition[] = [
  /*
   * The survey link mailed to mentees and mentors (`SURVEY_BASE_URL/<token>`): the 256-bit
   * token is the credential, so no account is needed and the strict per-client limit applies.
   */
  { method: 'GET', path: '/surveys/answer/:token', service: 'evaluation', summary: 'The survey behind a survey link', access: 'public', rateLimit: 'public-link' },
  {
    method: 'POST',
    path: '/surveys/answer/:token',
    service: 'evaluation',
    summary: 'Answer a survey once (409 if already answered, 410 if expired)',
    access: 'public',
    rateLimit: 'public-link',
  },

  { method: 'GET', path: '/surveys', service: 'evaluation', summary: 'Survey definitions', access: STAFF },
  { method: 'GET', path: '/surveys/:slug/versions', service: 'evaluation', summary: "A survey's versions", access: STAFF },
  { method: 'POST', path: '/surveys/:slug/versions', service: 'evaluation', summary: 'Publish a new version of a survey', access: STAFF },
  { method: 'GET', path: '/cohorts/:id/surveys', service: 'evaluation', summary: "A cohort's survey invitations: sent, answered, expired", access: STAFF },

  { method: 'POST', path: '/outcomes', service: 'evaluation', summary: 'Record an employment outcome learnt outside a survey', access: STAFF },
  { method: 'GET', path: '/cohorts/:id/outcomes', service: 'evaluation', summary: "A cohort's employment outcomes", access: STAFF },

  { method: 'GET', path: '/reports', service: 'evaluation', summary: 'The KPI report (`cohortIds=a,b`; all cohorts without)', access: STAFF },
  { method: 'GET', path: '/reports/export.csv', service: 'evaluation', summary: 'The KPI report as CSV', access: STAFF },
  { method: 'GET', path: '/reports/outcomes.svg', service: 'evaluation', summary: 'The six-month outcomes as an SVG chart', access: STAFF },
  { method: 'GET', path: '/reports/cohorts/:id', service: 'evaluation', summary: "One cohort's KPI report", access: STAFF },
  { method: 'GET', path: '/reports/cohorts/:id/export.csv', service: 'evaluation', summary: "One cohort's KPI report as CSV", access: STAFF },
  { method: 'POST', path: '/reports/cohorts/:id/publish', service: 'evaluation', summary: "Publish a cohort's report (CohortReportPublished)", access: STAFF },
  {
    method: 'GET',
    path: '/partners/:organisationId/report',
    service: 'evaluation',
    summary: "Aggregate outcomes of the organisation's consenting referrals (small cells hidden)",
    access: { ...STAFF, partner: ownParam('organisationId') },
  },
];
