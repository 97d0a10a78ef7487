import { ownParam, RouteDefinition, STAFF } from '../domain/route-definition';

/** Matching (`MATCHING_URL`): runs, drafts, proposals and the coordinator's decisions. */
export const MATCHING_ROUTES: readonly RouteDefinition[] = [
  { method: 'POST', path: '/cohorts/:id/runs', service: 'matching', summary: 'Start a matching run (202; poll the run)', access: STAFF },
  { method: 'GET', path: '/runs/:id', service: 'matching', summary: "A run's progress, draft and unmatched mentees", access: STAFF },
  { method: 'POST', path: '/runs/:id/confirm', service: 'matching', summary: "Confirm a run's draft", access: STAFF },
  { method: 'PUT', path: '/cohorts/:id/weights', service: 'matching', summary: "Set a cohort's scoring weights", access: STAFF },
  { method: 'POST', path: '/cohorts/:id/matches', service: 'matching', summary: 'Set a pair by hand', access: STAFF },
  { method: 'GET', path: '/cohorts/:id/matches', service: 'matching', summary: "A cohort's matches", access: STAFF },
  { method: 'GET', path: '/people/:id/matches', service: 'matching', summary: "A mentee's or mentor's matches", access: { ...STAFF, mentee: ownParam('id'), mentor: ownParam('id') } },
  { method: 'POST', path: '/matches/:id/confirm', service: 'matching', summary: 'Confirm one proposed match', access: STAFF },
  { method: 'POST', path: '/matches/:id/reject', service: 'matching', summary: 'Reject a proposed match', access: STAFF },
  { method: 'POST', path: '/matches/:id/end', service: 'matching', summary: 'End a confirmed match', access: STAFF },
];
