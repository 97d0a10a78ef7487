import { IsDateString, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';

/** The four-month programme of a pair reached its end. */
export class MentorshipCompletedData {
  @IsUUID() matchId: string;
  @IsUUID() cohortId: string;
  @IsUUID() menteeId: string;
  @IsUUID() mentorId: string;
  /** Date (Europe/Copenhagen) the programme ended. */
  @IsDateString({ strict: true }) completedOn: string;
  /** Sessions the pair held (completed), for the programme's KPIs. */
  @IsOptional() @IsInt() @Min(0) sessionsHeld?: number;
}
export const MentorshipCompleted = defineEvent('dk.cmp.scheduling.mentorship-completed.v1', MentorshipCompletedData);
