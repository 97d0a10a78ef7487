import { ReminderLeadTime } from '@cmp/contracts';

const LEAD_MS: Record<ReminderLeadTime, number> = { '24h': 24 * 3_600_000, '1h': 3_600_000 };

export interface ReminderDue {
  readonly leadTime: ReminderLeadTime;
  readonly dueAt: Date;
}

/** Reminders 24 h and 1 h before a session; one whose moment has passed is not sent late. */
export function remindersFor(startsAt: Date, now: Date): ReminderDue[] {
  return (Object.keys(LEAD_MS) as ReminderLeadTime[])
    .map((leadTime) => ({ leadTime, dueAt: new Date(startsAt.getTime() - LEAD_MS[leadTime]) }))
    .filter((reminder) => reminder.dueAt.getTime() > now.getTime());
}
