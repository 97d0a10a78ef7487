import { anyone, ownOrMenteeParam, ownParam, RouteDefinition, STAFF } from '../domain/route-definition';

const everyone = { admin: anyone, coordinator: anyone, mentor: anyone, mentee: anyone, partner: anyone };
/** A partner acts for its own organisation only: the `:id` of these paths. */
const staffOrOwnOrganisation = { ...STAFF, partner: ownParam('id') };
const staffOrSelf = { ...STAFF, mentee: ownParam('id'), mentor: ownParam('id') };

/** Enrolment (`ENROLMENT_URL`): organisations, placements, referrals, cohorts, mentees, mentors, consent. */
export const ENROLMENT_ROUTES: readonly RouteDefinition[] = [
  { method: 'POST', path: '/organisations', service: 'enrolment', summary: 'Register a partner organisation', access: STAFF },
  { method: 'GET', path: '/organisations', service: 'enrolment', summary: 'List organisations', access: STAFF },
  { method: 'GET', path: '/organisations/:id', service: 'enrolment', summary: 'One organisation', access: staffOrOwnOrganisation },
  { method: 'POST', path: '/organisations/:id/placements', service: 'enrolment', summary: 'Reserve placements in a cohort', access: staffOrOwnOrganisation },
  { method: 'GET', path: '/organisations/:id/placements', service: 'enrolment', summary: "The organisation's placements", access: staffOrOwnOrganisation },
  { method: 'POST', path: '/organisations/:id/referrals', service: 'enrolment', summary: 'Issue a referral code (shown once)', access: staffOrOwnOrganisation },
  { method: 'GET', path: '/organisations/:id/referrals', service: 'enrolment', summary: "The organisation's referrals", access: staffOrOwnOrganisation },
  {
    method: 'POST',
    path: '/organisations/:id/referrals/:referralId/revoke',
    service: 'enrolment',
    summary: 'Revoke an unused referral',
    access: staffOrOwnOrganisation,
  },

  { method: 'POST', path: '/cohorts', service: 'enrolment', summary: 'Schedule a cohort', access: STAFF },
  { method: 'GET', path: '/cohorts', service: 'enrolment', summary: 'List cohorts', access: everyone },
  { method: 'GET', path: '/cohorts/:id', service: 'enrolment', summary: 'One cohort', access: everyone },
  { method: 'PATCH', path: '/cohorts/:id', service: 'enrolment', summary: 'Change a scheduled cohort', access: STAFF },
  { method: 'POST', path: '/cohorts/:id/open', service: 'enrolment', summary: 'Open applications', access: STAFF },
  { method: 'POST', path: '/cohorts/:id/close', service: 'enrolment', summary: 'Close applications (on to matching)', access: STAFF },
  { method: 'POST', path: '/cohorts/:id/start', service: 'enrolment', summary: 'Start the programme', access: STAFF },
  { method: 'POST', path: '/cohorts/:id/complete', service: 'enrolment', summary: 'Complete the cohort', access: STAFF },

  {
    method: 'POST',
    path: '/applications',
    service: 'enrolment',
    summary: 'Apply as a mentee; creates the mentee account (optional `password`, else sign in by emailed link)',
    access: 'public',
    rateLimit: 'sign-up',
    createsAccount: 'mentee',
  },
  { method: 'GET', path: '/mentees', service: 'enrolment', summary: 'List mentees', access: STAFF },
  { method: 'GET', path: '/mentees/:id', service: 'enrolment', summary: "A mentee's application", access: { ...STAFF, mentee: ownParam('id'), mentor: ownOrMenteeParam('id') } },
  { method: 'POST', path: '/mentees/:id/accept', service: 'enrolment', summary: 'Accept an application', access: STAFF },
  { method: 'POST', path: '/mentees/:id/reject', service: 'enrolment', summary: 'Reject an application', access: STAFF },
  { method: 'POST', path: '/mentees/:id/withdraw', service: 'enrolment', summary: 'Withdraw a mentee', access: { ...STAFF, mentee: ownParam('id') } },

  {
    method: 'POST',
    path: '/mentors',
    service: 'enrolment',
    summary: 'Register as a volunteer mentor; creates the mentor account (optional `password`)',
    access: 'public',
    rateLimit: 'sign-up',
    createsAccount: 'mentor',
  },
  { method: 'GET', path: '/mentors', service: 'enrolment', summary: 'List mentors', access: STAFF },
  { method: 'GET', path: '/mentors/:id', service: 'enrolment', summary: 'One mentor', access: { ...STAFF, mentor: ownParam('id') } },
  { method: 'PATCH', path: '/mentors/:id', service: 'enrolment', summary: "Update a mentor's profile", access: { ...STAFF, mentor: ownParam('id') } },
  { method: 'POST', path: '/mentors/:id/pause', service: 'enrolment', summary: 'Pause a mentor', access: { ...STAFF, mentor: ownParam('id') } },
  { method: 'POST', path: '/mentors/:id/resume', service: 'enrolment', summary: 'Resume a mentor', access: { ...STAFF, mentor: ownParam('id') } },
  { method: 'POST', path: '/mentors/:id/withdraw', service: 'enrolment', summary: 'Withdraw a mentor', access: { ...STAFF, mentor: ownParam('id') } },

  { method: 'PUT', path: '/people/:id/consents/:purpose', service: 'enrolment', summary: 'Grant or withdraw a consent', access: staffOrSelf },
  { method: 'GET', path: '/people/:id/export', service: 'enrolment', summary: "Export a person's data", access: staffOrSelf },
  { method: 'POST', path: '/people/:id/erase', service: 'enrolment', summary: "Erase a person's data", access: staffOrSelf },
  { method: 'GET', path: '/audit', service: 'enrolment', summary: 'Audit trail of an entity', access: STAFF },
];
