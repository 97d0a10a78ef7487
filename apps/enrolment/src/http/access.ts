import { type AccessRules, ownParam, STAFF } from '@cmp/platform';

/**
 * Who may call enrolment's routes, mirroring the gateway's route table (apps/gateway/src/routes/
 * enrolment.routes.ts). `system` joins staff: the demo seed loads data as an operator would.
 */
export const OPERATORS: AccessRules = { ...STAFF, system: 'any' };
/** A partner acts for its own organisation only: the `:id` of the path. */
export const OPERATORS_OR_OWN_ORGANISATION: AccessRules = { ...OPERATORS, partner: ownParam('id') };
/** A mentee or mentor acts for themselves only: the `:id` of the path. */
export const OPERATORS_OR_SELF: AccessRules = { ...OPERATORS, mentee: ownParam('id'), mentor: ownParam('id') };
export const OPERATORS_OR_MENTOR_SELF: AccessRules = { ...OPERATORS, mentor: ownParam('id') };
/** Any signed-in caller. */
export const SIGNED_IN: AccessRules = { ...OPERATORS, mentee: 'any', mentor: 'any', partner: 'any' };
