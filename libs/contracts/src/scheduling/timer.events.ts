import { IsDateString, IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';
import { SessionConfirmedData } from './session.events';

export const REMINDER_LEAD_TIMES = ['24h', '1h'] as const;
export type ReminderLeadTime = (typeof REMINDER_LEAD_TIMES)[number];

/** A confirmed session starts in 24 hours or in one hour. */
export class SessionReminderDueData extends SessionConfirmedData {
  @IsIn(REMINDER_LEAD_TIMES) leadTime: ReminderLeadTime;
}
export const SessionReminderDue = defineEvent('dk.cmp.scheduling.session-reminder-due.v1', SessionReminderDueData);

export const STALL_REASONS = ['no-kick-off', 'inactive'] as const;
export type StallReason = (typeof STALL_REASONS)[number];

/**
 * A pair looks stuck: no session held by day 14 of the plan (`no-kick-off`), or none for
 * 21 days (`inactive`). Notifications nudges the pair and gives the coordinator a task.
 */
export class MentorshipStalledData {
  @IsUUID() matchId: string;
  @IsUUID() cohortId: string;
  @IsUUID() menteeId: string;
  @IsUUID() mentorId: string;
  @IsIn(STALL_REASONS) reason: StallReason;
  /** Date of the last session held, if any. */
  @IsOptional() @IsDateString({ strict: true }) lastSessionOn?: string;
  @IsInt() @Min(0) daysWithoutSession: number;
}
export const MentorshipStalled = defineEvent('dk.cmp.scheduling.mentorship-stalled.v1', MentorshipStalledData);

export const FOLLOW_UP_MONTHS = [0, 3, 6] as const;
export type FollowUpMonths = (typeof FOLLOW_UP_MONTHS)[number];

/** A follow-up of a completed mentorship is due: at completion, +3 and +6 months. Evaluation sends the survey. */
export class FollowUpDueData {
  @IsUUID() matchId: string;
  @IsUUID() cohortId: string;
  @IsUUID() menteeId: string;
  @IsUUID() mentorId: string;
  @IsIn(FOLLOW_UP_MONTHS) monthsAfterCompletion: FollowUpMonths;
  @IsDateString({ strict: true }) completedOn: string;
  @IsDateString({ strict: true }) dueOn: string;
}
export const FollowUpDue = defineEvent('dk.cmp.scheduling.follow-up-due.v1', FollowUpDueData);
