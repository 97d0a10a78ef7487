import { type AccessRules, ownParam, STAFF } from '@cmp/platform';

/**
 * Who may call scheduling's routes, mirroring the gateway's route table (apps/gateway/src/routes/
 * scheduling.routes.ts); `system` counts as staff here (see domain/access-rules).
 */
const STAFF_OR_SYSTEM: AccessRules = { ...STAFF, system: 'any' };
export const STAFF_OR_PAIR: AccessRules = { ...STAFF_OR_SYSTEM, mentee: 'any', mentor: 'any' };
export const STAFF_OR_SELF: AccessRules = { ...STAFF_OR_SYSTEM, mentee: ownParam('personId'), mentor: ownParam('personId') };
