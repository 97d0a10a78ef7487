export {
  ACTOR_ROLES,
  ANONYMOUS,
  type Actor,
  type ActorRole,
  type Anonymous,
  type Caller,
  callerName,
  isAnonymous,
  isPartnerOf,
  isPerson,
  isSelf,
  isStaff,
  isSystem,
  parseCaller,
} from './actor';
export { type Problem, type ProblemSource, SERVICE_PROBLEM_BASE, ServiceError, isProblemSource } from './problem';
export { type PendingEvent, type ReadTransaction, type RunOptions, type Transaction, UnitOfWork } from './unit-of-work';
