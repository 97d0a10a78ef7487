import { FOLLOW_UP_MONTHS, FollowUpMonths } from '@cmp/contracts';
import { addDays, addMonths, copenhagenInstant } from '@cmp/kernel';

export interface FollowUp {
  readonly monthsAfterCompletion: FollowUpMonths;
  /** Copenhagen date. */
  readonly dueOn: string;
  /** 09:00 Copenhagen time on that date, so surveys arrive in the morning. */
  readonly dueAt: Date;
}

export const FOLLOW_UP_LOCAL_TIME = '09:00';

/** Follow-ups at completion, +3 and +6 months; evaluation sends a survey for each. */
export function followUpsAfter(completedOn: string): FollowUp[] {
  return FOLLOW_UP_MONTHS.map((months) => {
    const dueOn = months === 0 ? completedOn : addMonths(completedOn, months);
    return { monthsAfterCompletion: months, dueOn, dueAt: copenhagenInstant(dueOn, FOLLOW_UP_LOCAL_TIME) };
  });
}

/** The programme's end fires when its last day is over in Copenhagen. */
export function programmeEndsAt(endsOn: string): Date {
  return copenhagenInstant(addDays(endsOn, 1));
}
