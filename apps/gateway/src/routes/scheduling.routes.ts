import { anyone, ownMatchParam, ownParam, RouteDefinition, STAFF } from '../domain/route-definition';

/**
 * A match's plan and sessions: the pair and staff. The gateway checks that the match is the
 * caller's own from its mentorship read model (matching's events); scheduling re-checks the pair
 * from `x-actor` all the same.
 */
const pairOfMatch = { ...STAFF, mentee: ownMatchParam('id'), mentor: ownMatchParam('id') };
/**
 * One session, named by its own id: the gateway has no session → match read model, so it lets
 * mentees, mentors and staff through and scheduling alone decides (403 unless the caller is in
 * the session's pair; staff act for the pair with `onBehalfOf`).
 */
const pairOfSession = { ...STAFF, mentee: anyone, mentor: anyone };
/** A person's own calendar feed; staff may replace or revoke one (a leaked URL), as scheduling allows. */
const selfOrStaff = { ...STAFF, mentee: ownParam('id'), mentor: ownParam('id') };

/** Scheduling (`SCHEDULING_URL`): plans, sessions, calendar feeds and cohort rhythm. */
export const SCHEDULING_ROUTES: readonly RouteDefinition[] = [
  { method: 'GET', path: '/matches/:id/plan', service: 'scheduling', summary: "A match's programme plan with its sessions", access: pairOfMatch },
  { method: 'GET', path: '/matches/:id/sessions', service: 'scheduling', summary: "A match's sessions", access: pairOfMatch },
  { method: 'POST', path: '/matches/:id/sessions', service: 'scheduling', summary: 'Propose a session (one or more slots)', access: pairOfMatch },

  { method: 'GET', path: '/sessions/:id', service: 'scheduling', summary: 'One session', access: pairOfSession },
  { method: 'POST', path: '/sessions/:id/confirm', service: 'scheduling', summary: 'Confirm one of the proposed slots', access: pairOfSession },
  { method: 'POST', path: '/sessions/:id/reschedule', service: 'scheduling', summary: 'Move a session to a new slot', access: pairOfSession },
  { method: 'POST', path: '/sessions/:id/cancel', service: 'scheduling', summary: 'Cancel a session', access: pairOfSession },
  { method: 'POST', path: '/sessions/:id/complete', service: 'scheduling', summary: 'Record a session as held', access: pairOfSession },
  { method: 'POST', path: '/sessions/:id/no-show', service: 'scheduling', summary: 'Record who did not come', access: pairOfSession },

  {
    method: 'POST',
    path: '/people/:id/calendar-feed',
    service: 'scheduling',
    summary: 'Issue a secret calendar-feed URL (shown once as `url`; the previous one stops working)',
    access: selfOrStaff,
    answerNamesServicePath: true,
  },
  { method: 'DELETE', path: '/people/:id/calendar-feed', service: 'scheduling', summary: 'Revoke the calendar-feed URL', access: selfOrStaff },
  /*
   * Calendar apps subscribe without credentials: the 256-bit token in the URL (`<token>.ics`) is
   * the credential, and scheduling answers 404 for an unknown or revoked one. Not in the
   * `public-link` class on purpose: hosted calendars (Google, Outlook) poll everyone's feeds
   * from a few shared addresses, which that limit would throttle, while a 256-bit token cannot
   * be found by brute force at the default per-client limit anyway.
   */
  { method: 'GET', path: '/feeds/:token', service: 'scheduling', summary: 'A calendar feed (iCalendar) by its secret URL', access: 'public' },

  { method: 'GET', path: '/cohorts/:id/overview', service: 'scheduling', summary: "A cohort's plans, sessions and stalled pairs", access: STAFF },
  { method: 'PUT', path: '/cohorts/:id/rhythm', service: 'scheduling', summary: "Set a cohort's session rhythm (for plans created from now on)", access: STAFF },
];
