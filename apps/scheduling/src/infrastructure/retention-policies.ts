import { DAY_MS, inboxRetentionMs, RetentionPolicy } from '@cmp/messaging';

/**
 * A timer row does two things after it has fired or been cancelled: its unique `dedupe_key`
 * keeps the same timer from being scheduled again, and it shows an operator what ran. Rows go
 * only when their plan's chain of timers is over (the plan no longer active, nothing pending for
 * it, so nothing can schedule a key again) and after 90 days, well past the inbox's retention,
 * beyond which no event that scheduled them can come back. Failed timers stay for an operator.
 */
const FINISHED_TIMER_RETENTION_MS = Math.max(90 * DAY_MS, inboxRetentionMs());

const PLAN_IS_OVER = `NOT EXISTS (SELECT 1 FROM plans WHERE plans.id = aged.plan_id AND plans.status = 'active')
  AND NOT EXISTS (SELECT 1 FROM timers pending WHERE pending.plan_id = aged.plan_id AND pending.status = 'pending')`;

export const SCHEDULING_RETENTION_POLICIES: readonly RetentionPolicy[] = [
  { name: 'fired-timers', table: 'timers', agedBy: 'fired_at', keepForMs: FINISHED_TIMER_RETENTION_MS, onlyWhere: `aged.status = 'fired' AND ${PLAN_IS_OVER}` },
  // A cancelled timer never fired: its age counts from when it would have.
  { name: 'cancelled-timers', table: 'timers', agedBy: 'due_at', keepForMs: FINISHED_TIMER_RETENTION_MS, onlyWhere: `aged.status = 'cancelled' AND ${PLAN_IS_OVER}` },
];
